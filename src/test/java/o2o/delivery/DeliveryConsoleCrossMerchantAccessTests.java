package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Staff of merchant A reach none of merchant B's delivery console, kitchen fragment, zones, settings or figures,
 * by page or by API, directly or through A's own store.
 */
class DeliveryConsoleCrossMerchantAccessTests extends ApiTest {

    @Test
    void anotherMerchantsStaffGetNoneOfTheDeliveryPages() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var staff = new ConsoleFixtures(api, fixtures);
        var a = delivery.deliveringShop("甲外卖页", 6000);
        var b = delivery.deliveringShop("乙外卖页", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var bOrder = delivery.paidOrder(b, customer, phone);
        var bCourier = staff.courierOnShift(b, "乙骑手");
        var bZone = api.get("/api/v1/merchant/stores/" + b.store() + "/delivery/zones", b.merchant().ownerToken())
                .body().get(0).path("id").asString();
        var readOrder = DeliveryFixtures.desk(b.store()) + "/" + bOrder;
        var before = api.get(readOrder, b.merchant().ownerToken()).raw();
        var zonesBefore = api.get("/api/v1/merchant/stores/" + b.store() + "/delivery/zones",
                b.merchant().ownerToken()).raw();
        var settingsBefore = api.get("/api/v1/merchant/stores/" + b.store() + "/delivery/settings",
                b.merchant().ownerToken()).raw();

        var aManager = staff.hire(a, Role.MANAGER, "甲经理", Set.of());
        var aCook = staff.hire(a, Role.KITCHEN, "甲后厨", Set.of(a.store()));
        for (var attacker : List.of(a.merchant().ownerUsername(), aManager.username(), aCook.username())) {
            var session = new WebSession(port).signInAsStaff(attacker, "password-1");
            var base = "/merchant/stores/" + b.store() + "/delivery";
            var own = "/merchant/stores/" + a.store() + "/delivery";
            for (var page : List.of(base, base + "/board", base + "/kitchen", base + "/zones", base + "/zones/new",
                    base + "/zones/" + bZone)) {
                assertThat(session.get(page).status()).as(attacker + " GET " + page).isEqualTo(404);
            }
            session.get(own);
            var posts = new HashMap<String, Map<String, String>>();
            for (var move : List.of("accept", "ready", "cancel")) {
                posts.put(base + "/orders/" + bOrder + "/" + move, Map.of());
                posts.put(own + "/orders/" + bOrder + "/" + move, Map.of());
            }
            for (var move : List.of("accept", "ready")) {
                posts.put(base + "/kitchen/" + bOrder + "/" + move, Map.of());
                posts.put(own + "/kitchen/" + bOrder + "/" + move, Map.of());
            }
            var courier = Map.of("courierId", bCourier.id().toString());
            posts.put(base + "/orders/" + bOrder + "/assign", courier);
            posts.put(own + "/orders/" + bOrder + "/assign", courier);
            posts.put(base + "/dispatch", Map.of("orderIds", bOrder, "courierId", bCourier.id().toString()));
            posts.put(own + "/dispatch", Map.of("orderIds", bOrder, "courierId", bCourier.id().toString()));
            var zone = new HashMap<String, String>(Map.of("name", "抢", "priority", "1", "shape", "CIRCLE",
                    "radiusMeters", "100", "minimum", "0", "baseFee", "0"));
            posts.put(base + "/zones/new", zone);
            posts.put(base + "/zones/" + bZone, zone);
            posts.put(own + "/zones/" + bZone, zone);
            posts.put(base + "/zones/" + bZone + "/remove", Map.of());
            posts.put(own + "/zones/" + bZone + "/remove", Map.of());
            posts.put(base + "/settings", Map.of("preparationMinutes", "90", "minutesPerQueued", "0",
                    "speedKmh", "1", "capacity", "1", "provider", "own", "ownCost", "0"));
            for (var post : posts.entrySet()) {
                var answer = session.post(post.getKey(), post.getValue());
                var status = answer.status();
                if (status == 302) {
                    // a refusal a page shows after a redirect: it must be back on the attacker's own pages
                    assertThat(answer.location()).as(attacker + " POST " + post.getKey()).contains(a.store().toString());
                } else {
                    assertThat(status).as(attacker + " POST " + post.getKey()).isIn(403, 404);
                }
            }
        }
        assertThat(api.get(readOrder, b.merchant().ownerToken()).raw()).isEqualTo(before);
        assertThat(api.get("/api/v1/merchant/stores/" + b.store() + "/delivery/zones", b.merchant().ownerToken())
                .raw()).isEqualTo(zonesBefore);
        assertThat(api.get("/api/v1/merchant/stores/" + b.store() + "/delivery/settings", b.merchant().ownerToken())
                .raw()).isEqualTo(settingsBefore);

        // B's figures panel never shows in A's, and A's dashboard panel names none of B's stores
        var owner = new WebSession(port).signInAsStaff(a.merchant().ownerUsername(), "password-1");
        var panel = owner.get("/merchant/delivery/figures");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).doesNotContain(b.storeName(), b.store().toString());
    }

    @Test
    void anotherMerchantsStaffReachNoneOfTheFigures() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var a = delivery.deliveringShop("甲外卖数", 6000);
        var b = delivery.deliveringShop("乙外卖数", 6000);
        var figures = "/api/v1/merchant/delivery/figures";
        var victim = new Victim(b.merchant().ownerToken(), Map.of("store", b.store().toString()));
        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a.merchant(), Role.MANAGER, Set.of());
        for (var attacker : List.of(a.merchant().ownerToken(), aManager)) {
            harness.assertDenied(attacker, victim, v -> Endpoint.of("GET", v.fill(figures + "?storeId={store}"), null,
                    v.fill(figures + "?storeId={store}")));
        }
        // a store-limited manager of B's own merchant is kept out of B's other store
        var bOther = fixtures.store(b.merchant(), Fixtures.unique("乙外卖数二店"), 31.2, 121.4, "本帮菜");
        var bManagerElsewhere = fixtures.staff(b.merchant(), Role.MANAGER, Set.of(bOther));
        harness.assertDenied(bManagerElsewhere, victim, v -> Endpoint.of("GET", v.fill(figures + "?storeId={store}"),
                null, v.fill(figures + "?storeId={store}")));
    }
}

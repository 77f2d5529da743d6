package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Staff and couriers of merchant A reach none of merchant B's delivery orders, zones or settings. */
class DeliveryCrossMerchantAccessTests extends ApiTest {

    private static final String ORDERS = "/api/v1/merchant/stores/{store}/delivery-orders";
    private static final String ORDER = ORDERS + "/{order}";
    private static final String ZONES = "/api/v1/merchant/stores/{store}/delivery/zones";
    private static final String SETTINGS = "/api/v1/merchant/stores/{store}/delivery/settings";

    @Test
    void anotherMerchantsStaffReachNoneOfTheDeliveryEndpoints() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var a = delivery.deliveringShop("甲外卖", 6000);
        var b = delivery.deliveringShop("乙外卖", 6000);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var bOrder = delivery.paidOrder(b, customer, phone);
        var bZone = api.get(ZONES.replace("{store}", b.store().toString()), b.merchant().ownerToken()).body().get(0)
                .path("id").asString();
        var bCourier = delivery.courierOnShift(b);
        var bCourierId = api.get("/api/v1/merchant/me", bCourier).text("id");
        var victim = new Victim(b.merchant().ownerToken(), Map.of("store", b.store().toString(), "order", bOrder,
                "ownStore", a.store().toString(), "zone", bZone, "courier", bCourierId));
        var zone = DeliveryFixtures.circle("抢", 1, 100, 0, 0, List.of());

        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill(ORDERS), null, v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill(ORDER), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/accept"), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/ready"), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/cancel"), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/assign"), Map.of("courierId", v.fill("{courier}")),
                        v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{store}/delivery/dispatch"), null,
                        v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{store}/delivery/couriers"), null,
                        v.fill(ORDER)),
                // B's order through A's own store
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{ownStore}/delivery-orders/{order}"), null,
                        v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{ownStore}/delivery-orders/{order}/accept"),
                        null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{ownStore}/delivery-orders/{order}/cancel"),
                        null, v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill(ZONES), null, v.fill(ZONES)),
                v -> Endpoint.of("POST", v.fill(ZONES), zone, v.fill(ZONES)),
                v -> Endpoint.of("PUT", v.fill(ZONES + "/{zone}"), zone, v.fill(ZONES)),
                v -> Endpoint.of("DELETE", v.fill(ZONES + "/{zone}"), null, v.fill(ZONES)),
                // B's zone id under A's own store
                v -> Endpoint.of("PUT", v.fill("/api/v1/merchant/stores/{ownStore}/delivery/zones/{zone}"), zone,
                        v.fill(ZONES)),
                v -> Endpoint.of("GET", v.fill(SETTINGS), null, v.fill(SETTINGS)),
                v -> Endpoint.of("PUT", v.fill(SETTINGS), Map.of("preparationMinutes", 90, "minutesPerQueued", 2,
                        "speedKmh", 20, "capacity", 10, "provider", "own", "ownCost", DeliveryFixtures.cny(600)),
                        v.fill(SETTINGS)));

        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a.merchant(), Role.MANAGER, Set.of());
        var aKitchen = fixtures.staff(a.merchant(), Role.KITCHEN, Set.of(a.store()));
        for (var attacker : List.of(a.merchant().ownerToken(), aManager, aKitchen)) {
            for (var endpoint : endpoints) harness.assertDenied(attacker, victim, endpoint);
        }
        // A's courier takes, picks up, hands over nothing of B's
        delivery.accept(b, bOrder);
        var aCourier = delivery.courierOnShift(a);
        for (var move : List.of("accept", "picked-up", "returned")) {
            assertThat(delivery.courier(aCourier, bOrder, move, null).status()).as(move).isEqualTo(404);
        }
        assertThat(delivery.courier(aCourier, bOrder, "delivered", Map.of("code", "1234")).status()).isEqualTo(404);
        assertThat(delivery.courier(aCourier, bOrder, "trouble", Map.of("trouble", "CUSTOMER_UNREACHABLE")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/courier/shift", aCourier).body().path("offers").toString())
                .doesNotContain(bOrder);
        // nor can A assign B's courier to A's own order
        var aOrder = delivery.paidOrder(a, customer, phone);
        delivery.accept(a, aOrder);
        var assign = api.post(DeliveryFixtures.desk(a.store()) + "/" + aOrder + "/assign",
                Map.of("courierId", bCourierId), a.merchant().ownerToken());
        assertThat(assign.status()).isEqualTo(404);
        assertThat(delivery.mine(customer, bOrder).path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void onlyCouriersUseTheCourierApiAndCouriersUseNothingElse() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var shop = delivery.deliveringShop("骑手权限", 6000);
        var cashier = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of());
        assertThat(api.get("/api/v1/merchant/courier/shift", cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/courier/shift", shop.merchant().ownerToken()).status()).isEqualTo(403);
        var courier = delivery.courierOnShift(shop);
        assertThat(api.get(DeliveryFixtures.desk(shop.store()), courier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/stores/" + shop.store() + "/delivery/zones", courier).status())
                .isEqualTo(403);
    }
}

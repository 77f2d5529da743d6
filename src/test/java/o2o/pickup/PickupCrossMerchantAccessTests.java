package o2o.pickup;

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
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** Staff of merchant A reach none of merchant B's pick-up orders or settings, by API or by page. */
class PickupCrossMerchantAccessTests extends ApiTest {

    private static final String ORDERS = "/api/v1/merchant/stores/{store}/pickup-orders";
    private static final String ORDER = ORDERS + "/{order}";
    private static final String SETTINGS = "/api/v1/merchant/stores/{store}/pickup-settings";

    @Test
    void anotherMerchantsStaffReachNoneOfThePickupEndpoints() {
        var pickup = new PickupFixtures(api, fixtures);
        var a = pickup.shop("甲自提", PickupFixtures.allDay());
        var b = pickup.shop("乙自提", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var bOrder = pickup.placed(customer, b);
        pickup.payBySandbox(customer, bOrder);
        pickup.awaitStatus(customer, bOrder, "PAID");
        var victim = new Victim(b.merchant().ownerToken(), Map.of("store", b.store().toString(), "order", bOrder,
                "ownStore", a.store().toString()));

        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill(ORDERS), null, v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill(ORDERS + "?status=PAID"), null, v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill(ORDER), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/ready"), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/handed-over"), null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill(ORDER + "/refund"), null, v.fill(ORDER)),
                // B's order through A's own store
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{ownStore}/pickup-orders/{order}"), null,
                        v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{ownStore}/pickup-orders/{order}/ready"),
                        null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{ownStore}/pickup-orders/{order}/handed-over"),
                        null, v.fill(ORDER)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{ownStore}/pickup-orders/{order}/refund"),
                        null, v.fill(ORDER)),
                v -> Endpoint.of("GET", v.fill(SETTINGS), null, v.fill(SETTINGS)),
                v -> Endpoint.of("PUT", v.fill(SETTINGS), Map.of("preparationMinutes", 90), v.fill(SETTINGS)));

        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a.merchant(), Role.MANAGER, Set.of());
        var aCashier = fixtures.staff(a.merchant(), Role.CASHIER, Set.of(a.store()));
        for (var attacker : List.of(a.merchant().ownerToken(), aManager, aCashier)) {
            for (var endpoint : endpoints) harness.assertDenied(attacker, victim, endpoint);
        }
        // a store-limited cashier of B's own merchant is kept out of B's other store as well
        var bOtherStore = fixtures.store(b.merchant(), Fixtures.unique("乙自提二店"), 31.2, 121.4, "本帮菜");
        var bCashierElsewhere = fixtures.staff(b.merchant(), Role.CASHIER, Set.of(bOtherStore));
        for (var endpoint : endpoints.subList(0, 6)) harness.assertDenied(bCashierElsewhere, victim, endpoint);
        harness.assertDenied(bCashierElsewhere, victim, endpoints.get(10));
        harness.assertDenied(bCashierElsewhere, victim, endpoints.get(11));
        assertThat(pickup.pickup(customer, bOrder).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void anotherMerchantsOwnerGetsNoneOfThePickupPages() {
        var pickup = new PickupFixtures(api, fixtures);
        var a = pickup.shop("甲自提页", PickupFixtures.allDay());
        var b = pickup.shop("乙自提页", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var bOrder = pickup.placed(customer, b);
        pickup.payBySandbox(customer, bOrder);
        pickup.awaitStatus(customer, bOrder, "PAID");
        var before = api.get("/api/v1/merchant/stores/" + b.store() + "/pickup-orders/" + bOrder,
                b.merchant().ownerToken()).raw();

        var attacker = new WebSession(port).signInAsStaff(a.merchant().ownerUsername(), "password-1");
        var base = "/merchant/stores/" + b.store() + "/pickup";
        for (var page : List.of(base, base + "/board")) {
            assertThat(attacker.get(page).status()).as(page).isEqualTo(404);
        }
        attacker.get("/merchant/stores/" + a.store() + "/pickup");
        for (var move : List.of("ready", "handed-over", "refund")) {
            assertThat(attacker.post(base + "/" + bOrder + "/" + move, Map.of()).status()).as(move).isEqualTo(404);
            assertThat(attacker.post("/merchant/stores/" + a.store() + "/pickup/" + bOrder + "/" + move, Map.of())
                    .status()).as("through A's store: " + move).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/merchant/stores/" + b.store() + "/pickup-orders/" + bOrder,
                b.merchant().ownerToken()).raw()).isEqualTo(before);
    }
}

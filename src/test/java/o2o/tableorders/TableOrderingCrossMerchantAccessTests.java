package o2o.tableorders;

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

/** Staff of merchant A reach none of merchant B's kitchen, dishes, tables or service board, by API or by page. */
class TableOrderingCrossMerchantAccessTests extends ApiTest {

    private static final String SERVICE = "/api/v1/merchant/stores/{store}/service";

    @Test
    void anotherMerchantsStaffReachNoneOfTheKitchenAndServiceEndpoints() {
        var tables = new TableFixtures(api, fixtures);
        var a = fixtures.approvedMerchant("甲馆");
        var aStore = fixtures.store(a, Fixtures.unique("甲馆"), 31.2, 121.4, "本帮菜");
        var b = tables.restaurant("乙馆");
        var bTable = tables.seatedTable(b, "A1");
        var diner = TableFixtures.anonymous();
        assertThat(tables.add(diner, bTable, b.rice(), List.of(), 1).status()).isEqualTo(201);
        var round = tables.as(diner, "POST", "/api/v1/tables/" + bTable.code() + "/rounds", null).body();
        var victim = new Victim(b.owner(), Map.of("store", b.store().toString(), "table", bTable.id().toString(),
                "item", round.path("items").get(0).path("id").asString(), "rice", b.rice().toString()));

        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill("/api/v1/merchant/stores/{store}/kitchen"), null, v.fill(SERVICE)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{store}/round-items/{item}/state"),
                        Map.of("state", "COOKING"), v.fill(SERVICE)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/stores/{store}/round-items/{item}/state"),
                        Map.of("state", "VOIDED"), v.fill(SERVICE)),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/tables/{table}/rounds"),
                        Map.of("lines", List.of(Map.of("itemId", v.objects().get("rice")))), v.fill(SERVICE)),
                v -> Endpoint.of("GET", v.fill(SERVICE), null, v.fill(SERVICE)));

        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a, Role.MANAGER, Set.of());
        var aWaiter = fixtures.staff(a, Role.WAITER, Set.of(aStore));
        var aCook = fixtures.staff(a, Role.KITCHEN, Set.of(aStore));
        for (var attacker : List.of(a.ownerToken(), aManager, aWaiter, aCook)) {
            for (var endpoint : endpoints) harness.assertDenied(attacker, victim, endpoint);
        }
        // B's own waiter, limited to B's other store, is kept out of this one as well
        var bOtherStore = fixtures.store(b.merchant(), Fixtures.unique("乙馆二"), 31.2, 121.4, "本帮菜");
        var bWaiterElsewhere = fixtures.staff(b.merchant(), Role.WAITER, Set.of(bOtherStore));
        for (var endpoint : endpoints) harness.assertDenied(bWaiterElsewhere, victim, endpoint);
    }

    @Test
    void anotherMerchantsOwnerGetsNoneOfTheKitchenAndServicePages() {
        var tables = new TableFixtures(api, fixtures);
        var a = fixtures.approvedMerchant("甲馆");
        var b = tables.restaurant("乙馆");
        var bTable = tables.seatedTable(b, "A1");
        var diner = TableFixtures.anonymous();
        assertThat(tables.add(diner, bTable, b.rice(), List.of(), 1).status()).isEqualTo(201);
        var item = tables.as(diner, "POST", "/api/v1/tables/" + bTable.code() + "/rounds", null).body()
                .path("items").get(0).path("id").asString();
        var service = "/api/v1/merchant/stores/" + b.store() + "/service";
        var before = api.get(service, b.owner()).raw();

        var attacker = new WebSession(port).signInAsStaff(a.ownerUsername(), "password-1");
        var kitchen = "/merchant/stores/" + b.store() + "/kitchen";
        var board = "/merchant/stores/" + b.store() + "/service";
        for (var page : List.of(kitchen, kitchen + "/tickets", board, board + "/board")) {
            assertThat(attacker.get(page).status()).as(page).isEqualTo(404);
        }
        attacker.get("/merchant");
        assertThat(attacker.post(kitchen + "/items/" + item + "/state", Map.of("state", "COOKING")).status())
                .isEqualTo(404);
        assertThat(attacker.post(board + "/tables/" + bTable.id() + "/rounds",
                Map.of("dish", b.rice().toString(), "quantity", "1")).status()).isEqualTo(404);
        assertThat(api.get(service, b.owner()).raw()).isEqualTo(before);
    }
}

package o2o.dining;

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

/** Staff of merchant A reach none of merchant B's areas, tables, QR codes or sessions, by API or by page. */
class DiningCrossMerchantAccessTests extends ApiTest {

    private static final String AREAS = "/api/v1/merchant/stores/{store}/areas";
    private static final String TABLES = "/api/v1/merchant/stores/{store}/tables";
    private static final String SESSIONS = "/api/v1/merchant/tables/{table}/sessions";

    @Test
    void anotherMerchantsStaffReachNoneOfTheDiningEndpoints() {
        var dining = new DiningFixtures(api, fixtures, port);
        var a = fixtures.approvedMerchant("甲店");
        var aStore = fixtures.store(a, Fixtures.unique("甲店"), 31.2, 121.4, "本帮菜");
        var b = fixtures.approvedMerchant("乙店");
        var bStore = fixtures.store(b, Fixtures.unique("乙店"), 31.2, 121.4, "本帮菜");
        var bArea = dining.area(b, bStore, "大厅");
        var bTable = dining.table(b, bStore, "A1", bArea);
        var bBusy = dining.table(b, bStore, "A2", bArea);
        assertThat(api.post("/api/v1/merchant/tables/" + bBusy.id() + "/session", Map.of("partySize", 2),
                b.ownerToken()).status()).isEqualTo(201);
        var victim = new Victim(b.ownerToken(), Map.of("store", bStore.toString(), "area", bArea.toString(),
                "table", bTable.id().toString(), "busy", bBusy.id().toString()));

        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill(AREAS), null, v.fill(AREAS)),
                v -> Endpoint.of("POST", v.fill(AREAS), Map.of("name", "包间"), v.fill(AREAS)),
                v -> Endpoint.of("PUT", v.fill(AREAS + "/{area}"), Map.of("name", "露台"), v.fill(AREAS)),
                v -> Endpoint.of("DELETE", v.fill(AREAS + "/{area}"), null, v.fill(AREAS)),
                v -> Endpoint.of("GET", v.fill(TABLES), null, v.fill(TABLES)),
                v -> Endpoint.of("POST", v.fill(TABLES), Map.of("label", "X1", "seats", 2), v.fill(TABLES)),
                v -> Endpoint.of("GET", v.fill(TABLES + "/{table}"), null, v.fill(TABLES)),
                v -> Endpoint.of("PUT", v.fill(TABLES + "/{table}"), Map.of("label", "X1", "seats", 2), v.fill(TABLES)),
                v -> Endpoint.of("DELETE", v.fill(TABLES + "/{table}"), null, v.fill(TABLES)),
                v -> Endpoint.of("GET", v.fill(TABLES + "/{table}/qr.png?src=x"), null, v.fill(TABLES)),
                v -> Endpoint.of("GET", v.fill(TABLES + "/status"), null, v.fill(TABLES + "/status")),
                v -> Endpoint.of("POST", v.fill("/api/v1/merchant/tables/{table}/session"), Map.of("partySize", 2),
                        v.fill(TABLES + "/status")),
                v -> Endpoint.of("DELETE", v.fill("/api/v1/merchant/tables/{busy}/session"), null,
                        v.fill(TABLES + "/status")),
                v -> Endpoint.of("GET", v.fill(SESSIONS), null, v.fill(SESSIONS)));

        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a, Role.MANAGER, Set.of());
        var aWaiter = fixtures.staff(a, Role.WAITER, Set.of(aStore));
        for (var attacker : List.of(a.ownerToken(), aManager, aWaiter)) {
            for (var endpoint : endpoints) harness.assertDenied(attacker, victim, endpoint);
        }
        // a store-limited waiter of B's own merchant is kept out of B's other store as well
        var bOtherStore = fixtures.store(b, Fixtures.unique("乙店二"), 31.2, 121.4, "本帮菜");
        var bWaiterElsewhere = fixtures.staff(b, Role.WAITER, Set.of(bOtherStore));
        for (var endpoint : endpoints) harness.assertDenied(bWaiterElsewhere, victim, endpoint);
    }

    @Test
    void anotherMerchantsOwnerGetsNoneOfTheDiningPages() {
        var dining = new DiningFixtures(api, fixtures, port);
        var a = fixtures.approvedMerchant("甲店");
        var b = fixtures.approvedMerchant("乙店");
        var bStore = fixtures.store(b, Fixtures.unique("乙店"), 31.2, 121.4, "本帮菜");
        var bTable = dining.table(b, bStore, "A1", null);
        var status = "/api/v1/merchant/stores/" + bStore + "/tables/status";
        var before = api.get(status, b.ownerToken()).raw();

        var attacker = new WebSession(port).signInAsStaff(a.ownerUsername(), "password-1");
        var base = "/merchant/stores/" + bStore + "/tables";
        for (var page : List.of(base, base + "/board", base + "/sheet", base + "/" + bTable.id() + "/qr.png")) {
            assertThat(attacker.get(page).status()).as(page).isEqualTo(404);
        }
        attacker.get("/merchant/dining");
        assertThat(attacker.post(base + "/" + bTable.id() + "/seat", Map.of("partySize", "2")).status()).isEqualTo(404);
        assertThat(attacker.post(base + "/" + bTable.id() + "/clear", Map.of()).status()).isIn(403, 404);
        assertThat(api.get(status, b.ownerToken()).raw()).isEqualTo(before);
        assertThat(attacker.get("/merchant/dining").body()).doesNotContain(bStore.toString());
    }
}

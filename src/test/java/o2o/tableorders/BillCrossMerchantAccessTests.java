package o2o.tableorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.ledger.Ledger;
import o2o.loyalty.Loyalty;
import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff of merchant A reach none of merchant B's table bills, by API or by page, and change nothing of them. */
class BillCrossMerchantAccessTests extends ApiTest {

    private static final String BILL = "/api/v1/merchant/tables/{table}/bill";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Loyalty loyalty;

    @Autowired
    Ledger ledger;

    @Test
    void anotherMerchantsStaffReachNoneOfTheBillEndpoints() {
        var tables = new TableFixtures(api, fixtures);
        var bills = new BillFixtures(api, fixtures, tables, jdbc, loyalty, ledger, port);
        var a = tables.restaurant("甲家");
        var b = tables.restaurant("乙家");
        var bTable = tables.seatedTable(b, "B1");
        var diner = bills.diner();
        bills.greens(b, bTable, diner, 3);
        bills.ask(bTable, diner);
        var share = bills.split(bTable, diner, "EVEN", 3).path("shares").get(0).path("id").asString();
        var victim = new Victim(b.owner(), Map.of("table", bTable.id().toString(), "share", share));

        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill(BILL), null, v.fill(BILL)),
                v -> Endpoint.of("POST", v.fill(BILL), null, v.fill(BILL)),
                v -> Endpoint.of("POST", v.fill(BILL + "/split"), Map.of("split", "WHOLE"), v.fill(BILL)),
                v -> Endpoint.of("POST", v.fill(BILL + "/reopen"), null, v.fill(BILL)),
                v -> Endpoint.of("POST", v.fill(BILL + "/counter"), Map.of("method", "CASH"), v.fill(BILL)),
                v -> Endpoint.of("POST", v.fill(BILL + "/shares/{share}/counter"), Map.of("method", "CARD"),
                        v.fill(BILL)));

        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a.merchant(), Role.MANAGER, Set.of());
        var aWaiter = fixtures.staff(a.merchant(), Role.WAITER, Set.of(a.store()));
        var aCashier = fixtures.staff(a.merchant(), Role.CASHIER, Set.of(a.store()));
        for (var attacker : List.of(a.owner(), aManager, aWaiter, aCashier)) {
            for (var endpoint : endpoints) harness.assertDenied(attacker, victim, endpoint);
        }
        var bOtherStore = fixtures.store(b.merchant(), Fixtures.unique("乙家二店"), 31.2, 121.4, "本帮菜");
        var bWaiterElsewhere = fixtures.staff(b.merchant(), Role.WAITER, Set.of(bOtherStore));
        for (var endpoint : endpoints) harness.assertDenied(bWaiterElsewhere, victim, endpoint);
        var bKitchen = fixtures.staff(b.merchant(), Role.KITCHEN, Set.of(b.store()));
        for (var endpoint : endpoints) harness.assertDenied(bKitchen, victim, endpoint);

        assertThat(bills.bill(bTable, diner).path("status").asString()).isEqualTo("OPEN");
        assertThat(bills.ordersOfShare(share)).isZero();
    }

    @Test
    void anotherMerchantsOwnerGetsNoneOfTheBillPages() {
        var tables = new TableFixtures(api, fixtures);
        var bills = new BillFixtures(api, fixtures, tables, jdbc, loyalty, ledger, port);
        var a = tables.restaurant("甲家");
        var b = tables.restaurant("乙家");
        var bTable = tables.seatedTable(b, "B1");
        var diner = bills.diner();
        bills.greens(b, bTable, diner, 2);
        bills.ask(bTable, diner);
        var share = bills.split(bTable, diner, "EVEN", 2).path("shares").get(0).path("id").asString();
        var readBack = "/api/v1/merchant/tables/" + bTable.id() + "/bill";
        var before = api.get(readBack, b.owner()).raw();

        var attacker = new WebSession(port).signInAsStaff(a.merchant().ownerUsername(), "password-1");
        var base = "/merchant/tables/" + bTable.id() + "/bill";
        for (var page : List.of(base, base + "/panel")) {
            assertThat(attacker.get(page).status()).as(page).isEqualTo(404);
        }
        for (var post : List.of(base + "/ask", base + "/reopen", base + "/split", base + "/counter",
                base + "/shares/" + share + "/counter")) {
            assertThat(attacker.post(post, Map.of("method", "CASH", "split", "WHOLE")).status()).as(post)
                    .isIn(403, 404);
        }
        assertThat(api.get(readBack, b.owner()).raw()).isEqualTo(before);
        assertThat(bills.ordersOfShare(share)).isZero();
        assertThat(UUID.fromString(share)).isNotNull();
    }
}

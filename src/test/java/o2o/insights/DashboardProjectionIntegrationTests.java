package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.identity.Role;
import o2o.orders.Channel;
import o2o.orders.OrderRefunded;
import o2o.orders.WalkInOrderPaid;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projection counts each fact once, adds concurrent sales exactly, and the dashboard is the merchant's own. */
class DashboardProjectionIntegrationTests extends ApiTest {

    @Autowired
    InsightsReactions reactions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void twentySalesPaidAtOnceAreCountedExactly() throws Exception {
        var merchant = fixtures.approvedMerchant("并发看板");
        var store = fixtures.store(merchant, Fixtures.unique("并发店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 20; i++) {
            var txn = "C-" + i;
            long total = 800L * (i + 1);
            tasks.add(() -> api.post("/api/v1/pos/sales", sale(txn, total), key).status());
        }
        assertThat(Concurrently.atOnce(tasks)).containsOnly(201);

        long expected = 800L * 20 * 21 / 2;
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var totals = dashboard(merchant).path("totals");
            assertThat(totals.path("orders").asLong()).isEqualTo(20);
            assertThat(totals.path("grossMinor").asLong()).isEqualTo(expected);
        });
        var ofTheStore = api.get("/api/v1/merchant/dashboard?storeId=" + store, merchant.ownerToken()).body();
        assertThat(ofTheStore.path("totals").path("grossMinor").asLong()).as("POS sales count for their store")
                .isEqualTo(expected);
        var other = fixtures.store(merchant, Fixtures.unique("并发二店"), 31.2, 121.4, "火锅");
        assertThat(api.get("/api/v1/merchant/dashboard?storeId=" + other, merchant.ownerToken()).body()
                .path("totals").path("orders").asLong()).isZero();
        var items = dashboard(merchant).path("topItems");
        long quantity = 0;
        for (var item : items) quantity += item.path("quantity").asLong();
        assertThat(quantity).as("one 锅底 and two 啤酒 per sale").isEqualTo(60);
    }

    @Test
    void theSameSaleAndRefundDeliveredAgainCountOnce() {
        var merchant = fixtures.approvedMerchant("幂等看板");
        var store = fixtures.store(merchant, Fixtures.unique("幂等店"), 31.2, 121.4, "火锅");
        var key = posKey(merchant, store);
        var sold = api.post("/api/v1/pos/sales", sale("I-1", 8000), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/pos/sales/I-1/refunds", Map.of("refundId", "R1", "amount", 1000), key).status())
                .isBetween(200, 201);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(dashboard(merchant).path("totals").path("refundedMinor").asLong()).isEqualTo(1000));
        var before = dashboard(merchant).path("totals");
        assertThat(before.path("orders").asLong()).isEqualTo(1);

        var order = new OrderId(UUID.fromString(sold.text("orderId")));
        var reference = jdbc.sql("select reference from order_refund where order_id = :o").param("o", order.value())
                .query(String.class).single();
        var now = clock.instant();
        reactions.on(new WalkInOrderPaid(order, new MerchantId(merchant.id()), Channel.POS, Money.cny(8000), now));
        reactions.on(new WalkInOrderPaid(order, new MerchantId(merchant.id()), Channel.POS, Money.cny(8000), now));
        reactions.on(new OrderRefunded(order, new MerchantId(merchant.id()), null, Money.cny(1000), Money.cny(8000),
                reference, now));
        assertThat(jdbc.sql("select count(*) from insights_pending_fact where order_id = :o")
                .param("o", order.value()).query(Long.class).single()).as("heard again, pending").isPositive();
        Drained.await(jdbc);

        assertThat(dashboard(merchant).path("totals")).isEqualTo(before);
    }

    @Test
    void aFactThatCannotBeCountedIsSetAsideAndTheOthersAreCounted() {
        var merchant = fixtures.approvedMerchant("坏事实看板");
        var store = fixtures.store(merchant, Fixtures.unique("坏事实店"), 31.2, 121.4, "火锅");
        var bad = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into insights_pending_fact (kind, fact_id, merchant_id, amount, at)
                        values ('no-such-kind', :fact, :m, 1, now())
                        """).param("fact", bad).param("m", merchant.id()).update();
        var sold = api.post("/api/v1/pos/sales", sale("BAD-1", 8000), posKey(merchant, store));
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);

        Drained.await(jdbc);

        assertThat(dashboard(merchant).path("totals").path("orders").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select set_aside from insights_pending_fact where fact_id = :fact").param("fact", bad)
                .query(String.class).single()).as("kept, with why").contains("no-such-kind");
    }

    @Test
    void anotherMerchantsStoreIsNotFoundAndOnlyOwnersAndManagersSeeTheDashboard() {
        var a = fixtures.approvedMerchant("看板甲");
        var b = fixtures.approvedMerchant("看板乙");
        var aStore = fixtures.store(a, Fixtures.unique("甲店"), 31.2, 121.4, "火锅");
        var bStore = fixtures.store(b, Fixtures.unique("乙店"), 31.2, 121.4, "火锅");
        assertThat(api.get("/api/v1/merchant/dashboard?storeId=" + bStore, a.ownerToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/dashboard?storeId=" + aStore, a.ownerToken()).status()).isEqualTo(200);

        var limited = fixtures.staff(a, Role.MANAGER, Set.of(aStore));
        var otherStore = fixtures.store(a, Fixtures.unique("甲二店"), 31.2, 121.4, "火锅");
        assertThat(api.get("/api/v1/merchant/dashboard?storeId=" + otherStore, limited).status())
                .as("a store the manager is not limited to").isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/dashboard", limited).status()).isEqualTo(200);
        for (var role : List.of(Role.CASHIER, Role.WAITER, Role.KITCHEN)) {
            assertThat(api.get("/api/v1/merchant/dashboard", fixtures.staff(a, role, Set.of())).status())
                    .as(role.name()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/merchant/dashboard", fixtures.operatorToken()).status()).isEqualTo(403);
    }

    @Test
    void badPeriodsAre400NamingTheField() {
        var merchant = fixtures.approvedMerchant("看板校验");
        var bad = Map.of(
                "from=2026-02-10&to=2026-02-01", "to",
                "from=2024-01-01&to=2026-01-01", "from",
                "from=yesterday", "from",
                "to=2026-13-01", "to",
                "storeId=not-a-uuid", "storeId");
        for (var query : bad.entrySet()) {
            var answer = api.get("/api/v1/merchant/dashboard?" + query.getKey(), merchant.ownerToken());
            assertThat(answer.status()).as(query.getKey()).isEqualTo(400);
            assertThat(answer.contentType()).contains("application/problem+json");
            assertThat(answer.text("field")).as(answer.raw()).isEqualTo(query.getValue());
        }
        var year = api.get("/api/v1/merchant/dashboard?from=2025-01-01&to=2025-12-31", merchant.ownerToken());
        assertThat(year.status()).as(year.raw()).isEqualTo(200);
        assertThat(year.body().path("previousFrom").asString()).isEqualTo("2024-01-02");
    }

    private tools.jackson.databind.JsonNode dashboard(MerchantFixture merchant) {
        var answer = api.get("/api/v1/merchant/dashboard", merchant.ownerToken());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private String posKey(MerchantFixture merchant, UUID store) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }

    private Map<String, Object> sale(String txn, long total) {
        return PosSaleBodies.sale(txn, total, clock.instant().minusSeconds(30), "CASH", null);
    }
}

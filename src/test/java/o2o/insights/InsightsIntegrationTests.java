package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's dashboard counts what the owning modules recorded: its totals equal sums over their orders, refunds,
 * ledger entries and redemptions, for random sales through the real API.
 */
class InsightsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    record Shop(MerchantFixture merchant, List<UUID> stores, Map<UUID, String> keys, List<String> phones) {}

    @Test
    void theDashboardsTotalsEqualTheSumsOverOrdersRefundsLedgerAndRedemptions() {
        var random = new Random(14);
        var shops = List.of(shop("数据一致甲", random), shop("数据一致乙", random));
        for (var shop : shops) {
            var sales = new ArrayList<String>();
            for (int i = 0; i < 10; i++) {
                var store = shop.stores().get(random.nextInt(shop.stores().size()));
                var member = random.nextInt(3) == 0 ? null : shop.phones().get(random.nextInt(shop.phones().size()));
                var txn = "T-" + i;
                var sold = api.post("/api/v1/pos/sales", sale(txn, 8L * (125 + random.nextInt(2500)), member),
                        shop.keys().get(store));
                assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
                sales.add(txn);
            }
            for (int i = 0; i < 3; i++) {
                var txn = sales.get(random.nextInt(sales.size()));
                var refund = Map.of("refundId", "R-" + i, "amount", 100 + random.nextInt(400));
                var keyed = shop.keys().values().stream().map(k -> api.post("/api/v1/pos/sales/" + txn + "/refunds",
                        refund, k))
                        .filter(r -> r.status() == 201 || r.status() == 200).count();
                assertThat(keyed).as("the sale's own store refunded it").isEqualTo(1);
            }
            var deal = fixtures.deal(shop.merchant(), Set.copyOf(shop.stores()), 3000 + random.nextInt(5000), null,
                    random.nextBoolean(), "ANYTIME");
            var buyer = fixtures.customerToken(shop.phones().getFirst());
            var order = fixtures.order(buyer, deal, 2);
            assertThat(order.status()).as(order.raw()).isEqualTo(201);
            fixtures.pay(buyer, order.text("id"), true);
            var vouchers = fixtures.vouchersOf(buyer, 2);
            String mistaken = null;
            for (var voucher : vouchers) {
                var redeemed = api.post("/api/v1/merchant/redemptions", Map.of("code",
                        voucher.path("code").asString(), "storeId", shop.stores().getFirst()),
                        shop.merchant().ownerToken());
                assertThat(redeemed.status()).as(redeemed.raw()).isBetween(200, 201);
                mistaken = redeemed.text("id");
            }
            var reversal = api.post("/api/v1/merchant/redemptions/" + mistaken + "/reversal", null,
                    shop.merchant().ownerToken());
            assertThat(reversal.status()).as("a redemption undone counts no more: " + reversal.raw()).isEqualTo(200);
            var spender = shop.phones().getLast();
            var bigSale = api.post("/api/v1/pos/sales", sale("BIG", 40_000, spender), shop.keys().get(shop.stores()
                    .getFirst()));
            assertThat(bigSale.status()).as(bigSale.raw()).isEqualTo(201);
            var pointsKey = UUID.randomUUID().toString();
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> api.send("POST",
                    "/api/v1/merchant/points/redemptions", Map.of("phone", spender, "points", 100),
                    shop.merchant().ownerToken(), Map.of("Idempotency-Key", pointsKey)).status() == 201);
            var phone = shop.phones().get(1);
            topUp(shop, phone, 50_000);
            var charged = api.send("POST", "/api/v1/merchant/wallet/charges",
                    Map.of("phone", phone, "amount", Map.of("minor", 1000 + random.nextInt(9000), "currency", "CNY"),
                            "note", "桌号 1"), shop.merchant().ownerToken(),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(charged.status()).as(charged.raw()).isBetween(200, 201);
        }

        for (var shop : shops) {
            var expected = expected(shop.merchant().id());
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(totals(shop)).isEqualTo(expected));
            var dashboard = dashboard(shop);
            long byChannel = 0;
            for (var c : dashboard.path("byChannel")) byChannel += c.path("grossMinor").asLong();
            long byDay = 0;
            for (var d : dashboard.path("byDay")) byDay += d.path("grossMinor").asLong();
            long hours = 0;
            for (var h : dashboard.path("busiestHours")) hours += h.path("orders").asLong();
            assertThat(byChannel).as("channels add up to the total").isEqualTo(expected.get("grossMinor"));
            assertThat(byDay).as("days add up to the total").isEqualTo(expected.get("grossMinor"));
            assertThat(hours).as("hours add up to the orders").isEqualTo(expected.get("orders"));
        }
    }

    private Map<String, Long> totals(Shop shop) {
        var totals = dashboard(shop).path("totals");
        var found = new HashMap<String, Long>();
        for (var field : List.of("orders", "grossMinor", "refundedMinor", "redemptions", "newMembers",
                "storedValueSoldMinor", "storedValueSpentMinor", "pointsIssued", "pointsRedeemed")) {
            found.put(field, totals.path(field).asLong());
        }
        return found;
    }

    private JsonNode dashboard(Shop shop) {
        var answer = api.get("/api/v1/merchant/dashboard", shop.merchant().ownerToken());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    /** The same figures summed by the test over the owning modules' own tables. */
    private Map<String, Long> expected(UUID merchant) {
        var found = new HashMap<String, Long>();
        found.put("orders", sum("select count(*) from customer_order where merchant_id = :m and paid_at is not null "
                + "and channel <> 'TOP_UP'", merchant));
        found.put("grossMinor", sum("select sum(total_minor) from customer_order where merchant_id = :m "
                + "and paid_at is not null and channel <> 'TOP_UP'", merchant));
        found.put("refundedMinor", sum("select sum(r.amount_minor) from order_refund r join customer_order o "
                + "on o.id = r.order_id where o.merchant_id = :m and o.channel <> 'TOP_UP'", merchant));
        found.put("redemptions", sum("select count(*) from redemption where merchant_id = :m and reversed_at is null",
                merchant));
        found.put("newMembers", sum("select count(*) from membership where merchant_id = :m", merchant));
        found.put("storedValueSoldMinor", sum("""
                select sum(-p.amount) from ledger_posting p join ledger_account a on a.id = p.account_id
                where a.kind = 'TOP_UP_CASH' and a.merchant_id = :m and p.amount < 0
                """, merchant));
        found.put("storedValueSpentMinor", ledger("STORED_VALUE_SALES", merchant));
        found.put("pointsIssued", sum("""
                select sum(p.amount) from ledger_entry e join ledger_posting p on p.entry_id = e.id
                join ledger_account a on a.id = p.account_id
                where e.merchant_id = :m and e.reference like 'order:%:earn' and a.kind = 'POINTS' and p.amount > 0
                """, merchant));
        found.put("pointsRedeemed", ledger("REDEEMED", merchant));
        assertThat(found.get("orders")).as("the random data made sales").isGreaterThan(10);
        assertThat(found.get("refundedMinor")).isPositive();
        assertThat(found.get("pointsIssued")).isPositive();
        assertThat(found.get("pointsRedeemed")).isPositive();
        assertThat(found.get("storedValueSoldMinor")).as("top-ups at the counter").isPositive();
        assertThat(found.get("storedValueSpentMinor")).isPositive();
        return found;
    }

    private long ledger(String kind, UUID merchant) {
        return sum("""
                select sum(p.amount) from ledger_posting p join ledger_account a on a.id = p.account_id
                where a.kind = :kind and a.merchant_id = :m and p.amount > 0
                """.replace(":kind", "'" + kind + "'"), merchant);
    }

    private long sum(String sql, UUID merchant) {
        return jdbc.sql("select coalesce((" + sql + "), 0)").param("m", merchant).query(Long.class).single();
    }

    private Shop shop(String name, Random random) {
        var merchant = fixtures.approvedMerchant(name);
        var stores = new ArrayList<UUID>();
        var keys = new HashMap<UUID, String>();
        for (int i = 0; i < 2; i++) {
            var store = fixtures.store(merchant, Fixtures.unique(name + "店"), 31.2, 121.4, "火锅");
            var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                    merchant.ownerToken());
            assertThat(key.status()).as(key.raw()).isEqualTo(201);
            stores.add(store);
            keys.put(store, key.text("secret"));
        }
        var phones = new ArrayList<String>();
        for (int i = 0; i < 3 + random.nextInt(2); i++) {
            var phone = Fixtures.uniquePhone();
            var joined = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员" + i),
                    merchant.ownerToken());
            assertThat(joined.status()).as(joined.raw()).isBetween(200, 201);
            phones.add(phone);
        }
        return new Shop(merchant, stores, keys, phones);
    }

    private void topUp(Shop shop, String phone, long minor) {
        var topUp = api.send("POST", "/api/v1/merchant/wallet/top-ups",
                Map.of("phone", phone, "amount", Map.of("minor", minor, "currency", "CNY")),
                shop.merchant().ownerToken(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(200);
    }

    private Map<String, Object> sale(String txn, long total, @Nullable String phone) {
        return PosSaleBodies.sale(txn, total, clock.instant().minusSeconds(30), "WECHAT",
                phone == null ? null : Map.of("phone", phone));
    }
}

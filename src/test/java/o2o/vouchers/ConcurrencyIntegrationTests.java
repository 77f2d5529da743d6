package o2o.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Money, stock and codes stay exact when many people act at the same moment. */
class ConcurrencyIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredBuyersOfFiftyFlashSaleUnitsGetExactlyFiftyPaidVouchers() throws Exception {
        var deal = flashSale("秒杀餐厅", 50);
        var customers = customers(200);

        var orders = Concurrently.atOnce(customers.stream().<Callable<Api.Response>>map(c -> () -> fixtures.order(c, deal, 1)).toList());
        assertThat(orders).filteredOn(r -> r.status() == 201).hasSize(50);
        assertThat(orders).filteredOn(r -> r.status() == 409)
                .hasSize(150)
                .allMatch(r -> r.text("type").equals("urn:o2o:problem:deal-sold-out"));
        assertThat(stockLeft(deal)).isZero();
        assertThat(jdbc.sql("select count(*) from customer_order where deal_id = :d").param("d", deal)
                .query(Long.class).single()).as("a refused purchase leaves no order behind").isEqualTo(50);

        var placed = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < customers.size(); i++) {
            if (orders.get(i).status() != 201) continue;
            var customer = customers.get(i);
            var orderId = orders.get(i).text("id");
            placed.add(() -> {
                fixtures.pay(customer, orderId, true);
                return true;
            });
        }
        Concurrently.atOnce(placed);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> vouchersOf(deal) == 50);
        assertThat(jdbc.sql("select count(*) from voucher where deal_id = :d and status = 'ISSUED'").param("d", deal)
                .query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("select count(*) from customer_order where deal_id = :d and status = 'PAID'").param("d", deal)
                .query(Long.class).single()).isEqualTo(50);
        assertThat(stockLeft(deal)).isZero();
        var second = fixtures.order(customers.get(orders.indexOf(orders.stream().filter(r -> r.status() == 201)
                .findFirst().orElseThrow())), deal, 1);
        assertThat(second.status()).as("a flash sale sells one per customer").isEqualTo(409);
    }

    @Test
    void twentyBuyersOfTheLastUnitAtOnceMakeOneOrderAndEachRefusalIsKeptForItsKey() throws Exception {
        var deal = flashSale("最后一份", 1);
        var buyers = customers(20);
        var keys = buyers.stream().map(b -> Map.of("Idempotency-Key", UUID.randomUUID().toString())).toList();
        var body = Map.of("dealId", deal, "quantity", 1);

        // most of them find the unit still there when they look, and lose it when their order commits
        var attempts = Concurrently.atOnce(IntStream.range(0, 20).<Callable<Api.Response>>mapToObj(i ->
                () -> api.send("POST", "/api/v1/orders", body, buyers.get(i), keys.get(i))).toList());
        assertThat(attempts).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(stockLeft(deal)).isZero();
        assertThat(jdbc.sql("select count(*) from customer_order where deal_id = :d").param("d", deal)
                .query(Long.class).single()).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            if (attempts.get(i).status() == 201) continue;
            assertThat(attempts.get(i).status()).as(attempts.get(i).raw()).isEqualTo(409);
            assertThat(attempts.get(i).contentType()).startsWith("application/problem+json");
            assertThat(attempts.get(i).text("type")).isEqualTo("urn:o2o:problem:deal-sold-out");
            var again = api.send("POST", "/api/v1/orders", body, buyers.get(i), keys.get(i));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.text("type")).isEqualTo("urn:o2o:problem:deal-sold-out");
        }
    }

    @Test
    void twentySimultaneousRedemptionsOfOneVoucherMakeExactlyOne() throws Exception {
        var merchant = fixtures.approvedMerchant("并发核销");
        var store = fixtures.store(merchant, "核销店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 2000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, orderId, true);
        var code = fixtures.vouchersOf(customer, 1).get(0).path("code").asString();
        var cashiers = IntStream.range(0, 4).mapToObj(i -> fixtures.staff(merchant, Role.CASHIER, Set.of(store))).toList();

        var attempts = Concurrently.atOnce(IntStream.range(0, 20).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store,
                        "device", "till-" + i), cashiers.get(i % 4))).toList());
        assertThat(attempts).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(attempts).filteredOn(r -> r.status() == 409)
                .hasSize(19)
                .allMatch(r -> r.text("type").equals("urn:o2o:problem:voucher-already-redeemed"));
        assertThat(jdbc.sql("select count(*) from redemption r join voucher v on v.id = r.voucher_id where v.code = :c "
                        + "and v.merchant_id = :m").param("c", code).param("m", merchant.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLastTwoVouchersOfAnOrderRedeemedAtOnceCompleteIt() throws Exception {
        var merchant = fixtures.approvedMerchant("同单并核");
        var store = fixtures.store(merchant, "核销店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 2000, null, false, "ANYTIME");
        var cashiers = IntStream.range(0, 2).mapToObj(i -> fixtures.staff(merchant, Role.CASHIER, Set.of(store))).toList();
        var orders = new ArrayList<String>();
        for (int round = 0; round < 12; round++) {
            var customer = fixtures.customerToken(Fixtures.uniquePhone());
            var orderId = fixtures.order(customer, deal, 2).text("id");
            fixtures.pay(customer, orderId, true);
            var codes = fixtures.vouchersOf(customer, 2).valueStream().map(v -> v.path("code").asString()).toList();

            var attempts = Concurrently.atOnce(IntStream.range(0, 2).<Callable<Api.Response>>mapToObj(i -> () ->
                    api.post("/api/v1/merchant/redemptions", Map.of("code", codes.get(i), "storeId", store),
                            cashiers.get(i))).toList());
            assertThat(attempts).allMatch(r -> r.status() == 200);
            orders.add(orderId);
        }
        // the later use to commit notes its order; the node counts it again a moment later
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(orders).allSatisfy(orderId ->
                assertThat(jdbc.sql("select status from customer_order where id = :id")
                        .param("id", UUID.fromString(orderId)).query(String.class).single()).as(orderId)
                        .isEqualTo("COMPLETED")));
    }

    @Test
    void aVoucherRefundedAndRedeemedAtTheSameTimeIsOnlyOneOfThem() throws Exception {
        var merchant = fixtures.approvedMerchant("退还是核");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 3000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, orderId, true);
        var voucher = fixtures.vouchersOf(customer, 1).get(0);
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));

        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> api.post("/api/v1/merchant/redemptions",
                    Map.of("code", voucher.path("code").asString(), "storeId", store), cashier));
            tasks.add(() -> api.post("/api/v1/me/vouchers/" + voucher.path("id").asString() + "/refund", null, customer));
        }
        var results = Concurrently.atOnce(tasks);
        assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
        var status = api.get("/api/v1/me/vouchers/" + voucher.path("id").asString(), customer).text("status");
        long refunds = jdbc.sql("select count(*) from refund where order_id = :o").param("o", UUID.fromString(orderId))
                .query(Long.class).single();
        assertThat(status).isIn("REDEEMED", "REFUNDED");
        assertThat(refunds).isEqualTo(status.equals("REFUNDED") ? 1 : 0);
    }

    @Test
    void aCouponTemplateIsNeverClaimedMoreThanItsQuantityOrACustomersLimit() throws Exception {
        var merchant = fixtures.approvedMerchant("抢券");
        fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var now = Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", "满100减20", "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 2000, "currency", "CNY"), "minSpend", Map.of("minor", 10000, "currency", "CNY"),
                "totalQuantity", 10, "perCustomerLimit", 2, "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(10)).toString()), merchant.ownerToken());
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        var templateId = template.text("id");

        var greedy = fixtures.customerToken(Fixtures.uniquePhone());
        var greedyClaims = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post("/api/v1/me/coupons", Map.of("templateId", templateId), greedy)).toList());
        assertThat(greedyClaims).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(greedyClaims).filteredOn(r -> r.status() == 409).hasSize(6);

        var crowd = IntStream.range(0, 20).mapToObj(i -> fixtures.customerToken(Fixtures.uniquePhone())).toList();
        var claims = Concurrently.atOnce(crowd.stream().<Callable<Api.Response>>map(c -> () ->
                api.post("/api/v1/me/coupons", Map.of("templateId", templateId), c)).toList());
        assertThat(claims).filteredOn(r -> r.status() == 201).hasSize(8);
        assertThat(claims).filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.text("type").equals("urn:o2o:problem:coupon-sold-out"));
        assertThat(jdbc.sql("select claimed from coupon_template where id = :id").param("id", UUID.fromString(templateId))
                .query(Integer.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from coupon where template_id = :id").param("id", UUID.fromString(templateId))
                .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void claimingWithTheSameIdempotencyKeyTwiceIsOneCoupon() {
        var merchant = fixtures.approvedMerchant("幂等领券");
        fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var now = Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", "立减5元", "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", 500, "currency", "CNY"), "totalQuantity", 10, "perCustomerLimit", 3,
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plus(Duration.ofDays(1)).toString()),
                merchant.ownerToken()).text("id");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var key = Map.of("Idempotency-Key", "claim-" + UUID.randomUUID());
        var first = api.send("POST", "/api/v1/me/coupons", Map.of("templateId", template), customer, key);
        var second = api.send("POST", "/api/v1/me/coupons", Map.of("templateId", template), customer, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(api.get("/api/v1/me/coupons", customer).body().size()).isEqualTo(1);
        assertThat(jdbc.sql("select claimed from coupon_template where id = :id").param("id", UUID.fromString(template))
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** A flash sale of {@code units} at ¥9.90, by a merchant of that name with one store. */
    private UUID flashSale(String merchantName, int units) {
        var merchant = fixtures.approvedMerchant(merchantName);
        var store = fixtures.store(merchant, merchantName + "店", 31.2, 121.4, "火锅");
        return fixtures.deal(merchant, Set.of(store), 990, units, true, "ANYTIME");
    }

    private List<String> customers(int count) {
        return IntStream.range(0, count).mapToObj(i -> fixtures.customerToken(Fixtures.uniquePhone())).toList();
    }

    private int stockLeft(UUID deal) {
        return jdbc.sql("select stock_left from deal where id = :id").param("id", deal).query(Integer.class).single();
    }

    private long vouchersOf(UUID deal) {
        return jdbc.sql("select count(*) from voucher where deal_id = :d").param("d", deal).query(Long.class).single();
    }
}

package o2o.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrderLifecycleIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    Fixtures.MerchantFixture merchant;
    UUID store;

    @BeforeEach
    void setUp() {
        merchant = fixtures.approvedMerchant("订单商户");
        store = fixtures.store(merchant, "订单店", 31.2, 121.4, "火锅");
    }

    @Test
    void theSameIdempotencyKeyTwiceIsOneOrder() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, 10, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = Map.of("dealId", deal, "quantity", 2);

        var first = api.send("POST", "/api/v1/orders", body, customer, key);
        var second = api.send("POST", "/api/v1/orders", body, customer, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stockLeft(deal)).isEqualTo(8);
        assertThat(api.get("/api/v1/me/orders", customer).body().size()).isEqualTo(1);

        var otherBody = api.send("POST", "/api/v1/orders", Map.of("dealId", deal, "quantity", 1), customer, key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.text("type")).isEqualTo("urn:o2o:problem:idempotency-key-reused");

        var noKey = api.post("/api/v1/orders", body, customer);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(stockLeft(deal)).isEqualTo(8);
    }

    @Test
    void anOrdersAnswerIsWhatWasStored() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, 10, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var placed = fixtures.order(customer, deal, 3);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.body()).isEqualTo(api.get("/api/v1/me/orders/" + placed.text("id"), customer).body());
    }

    @Test
    void theCustomersOrdersListEachOrderWithItsOwnLines() {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var first = fixtures.order(customer, fixtures.deal(merchant, Set.of(store), 1000, 10, false, "ANYTIME"), 2);
        var second = fixtures.order(customer, fixtures.deal(merchant, Set.of(store), 2500, 10, false, "ANYTIME"), 1);

        var listed = api.get("/api/v1/me/orders", customer).body();
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0)).as("newest first").isEqualTo(second.body());
        assertThat(listed.get(1)).isEqualTo(first.body());
        assertThat(listed.get(1).path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyFiveTimesAtOnceIsOneOrder() throws Exception {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, 10, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var results = Concurrently.atOnce(IntStream.range(0, 5)
                .<Callable<Api.Response>>mapToObj(i -> () -> api.send("POST", "/api/v1/orders",
                        Map.of("dealId", deal, "quantity", 1), customer, key)).toList());
        assertThat(results).allMatch(r -> r.status() == 201);
        assertThat(results.stream().map(r -> r.text("id")).distinct()).hasSize(1);
        assertThat(stockLeft(deal)).isEqualTo(9);
    }

    @Test
    void aRefusalIsKeptForItsKeyAndChangesNothingWhenRepeated() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, 1, false, "ANYTIME");
        var first = fixtures.customerToken(Fixtures.uniquePhone());
        var late = fixtures.customerToken(Fixtures.uniquePhone());
        var bought = fixtures.order(first, deal, 1);
        assertThat(bought.status()).as(bought.raw()).isEqualTo(201);

        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = Map.of("dealId", deal, "quantity", 1);
        var refused = api.send("POST", "/api/v1/orders", body, late, key);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:deal-sold-out");

        var cancelled = api.post("/api/v1/orders/" + bought.text("id") + "/cancel", null, first);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(stockLeft(deal)).isEqualTo(1);

        var repeated = api.send("POST", "/api/v1/orders", body, late, key);
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stockLeft(deal)).isEqualTo(1);
        assertThat(api.get("/api/v1/me/orders", late).body().size()).isZero();

        var fresh = fixtures.order(late, deal, 1);
        assertThat(fresh.status()).as(fresh.raw()).isEqualTo(201);
        assertThat(stockLeft(deal)).isZero();
    }

    @Test
    void anUnpaidOrderIsCancelledInTimeAndGivesBackStockAndCoupon() {
        var deal = fixtures.deal(merchant, Set.of(store), 10000, 5, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var coupon = claimCoupon(customer, 1500, 5000);
        var order = api.send("POST", "/api/v1/orders", Map.of("dealId", deal, "quantity", 1, "couponId", coupon),
                customer, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        assertThat(order.body().path("discountAmount").path("minor").asLong()).isEqualTo(1500);
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isEqualTo(8500);
        assertThat(stockLeft(deal)).isEqualTo(4);
        assertThat(couponStatus(customer, coupon)).isEqualTo("RESERVED");

        clock.advance(Duration.ofMinutes(16));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/me/orders/" + order.text("id"), customer).text("status").equals("CANCELLED"));
        assertThat(stockLeft(deal)).isEqualTo(5);
        assertThat(couponStatus(customer, coupon)).isEqualTo("AVAILABLE");

        var pay = api.post("/api/v1/orders/" + order.text("id") + "/payments", Map.of("provider", "sandbox"), customer);
        assertThat(pay.status()).isEqualTo(409);
        assertThat(pay.text("type")).isEqualTo("urn:o2o:problem:order-not-payable");
    }

    @Test
    void moneyArrivingForACancelledOrderGoesStraightBack() {
        var deal = fixtures.deal(merchant, Set.of(store), 2500, 5, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        var payment = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "sandbox"), customer);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", null, customer).text("status")).isEqualTo("CANCELLED");

        var session = new o2o.testing.WebSession(port);
        session.get(payment.text("redirectUrl"));
        session.post(payment.text("redirectUrl") + "/confirm", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from refund where order_id = :o").param("o", UUID.fromString(orderId))
                        .query(Long.class).single() == 1);
        assertThat(api.get("/api/v1/me/orders/" + orderId, customer).text("status")).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/me/vouchers", customer).body().size()).isZero();
    }

    @Test
    void illegalTransitionsAreRefused() {
        var deal = fixtures.deal(merchant, Set.of(store), 2500, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, orderId, true);
        fixtures.vouchersOf(customer, 1);
        var cancel = api.post("/api/v1/orders/" + orderId + "/cancel", null, customer);
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("type")).isEqualTo("urn:o2o:problem:order-not-cancellable");
        var payAgain = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "sandbox"), customer);
        assertThat(payAgain.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/me/orders/" + orderId, customer).text("status")).isEqualTo("PAID");
    }

    @Test
    void limitsAndBadOrdersAreClearConflictsOrBadRequests() {
        var limited = fixtures.deal(merchant, Set.of(store), 800, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        for (var quantity : new int[] {0, 101}) {
            assertThat(fixtures.order(customer, limited, quantity).status()).isEqualTo(400);
        }
        var unknown = fixtures.order(customer, UUID.randomUUID(), 1);
        assertThat(unknown.status()).isEqualTo(404);
        var badProvider = api.post("/api/v1/orders/" + fixtures.order(customer, limited, 1).text("id") + "/payments",
                Map.of("provider", "bitcoin"), customer);
        assertThat(badProvider.status()).isEqualTo(400);
        var someoneElse = fixtures.customerToken(Fixtures.uniquePhone());
        var mine = fixtures.order(customer, limited, 1).text("id");
        assertThat(api.get("/api/v1/me/orders/" + mine, someoneElse).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + mine + "/payments", Map.of("provider", "sandbox"), someoneElse).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + mine + "/cancel", null, someoneElse).status()).isEqualTo(404);
    }

    @Test
    void aFlashSaleSellsNothingBeforeItStarts() {
        var now = Instant.now();
        var upcoming = api.post("/api/v1/merchant/deals", Map.of("title", "明晚八点秒杀",
                "price", Map.of("minor", 100, "currency", "CNY"), "storeIds", Set.of(store),
                "saleStartsAt", now.plus(Duration.ofHours(1)).toString(), "saleEndsAt", now.plus(Duration.ofHours(2)).toString(),
                "validFrom", now.toString(), "validUntil", now.plus(Duration.ofDays(7)).toString(),
                "refundPolicy", "NO_REFUND", "flashSale", true, "stock", 10), merchant.ownerToken());
        assertThat(upcoming.status()).as(upcoming.raw()).isEqualTo(201);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var early = fixtures.order(customer, UUID.fromString(upcoming.text("id")), 1);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("type")).isEqualTo("urn:o2o:problem:deal-not-on-sale");

        clock.advance(Duration.ofMinutes(61));
        assertThat(fixtures.order(customer, UUID.fromString(upcoming.text("id")), 1).status()).isEqualTo(201);
        var second = fixtures.order(customer, UUID.fromString(upcoming.text("id")), 1);
        assertThat(second.text("type")).isEqualTo("urn:o2o:problem:deal-limit-reached");
    }

    private String claimCoupon(String customer, long off, long minSpend) {
        var now = Instant.now();
        var template = api.post("/api/v1/merchant/coupons", Map.of("title", "立减", "kind", "AMOUNT_OFF",
                "amountOff", Map.of("minor", off, "currency", "CNY"), "minSpend", Map.of("minor", minSpend, "currency", "CNY"),
                "totalQuantity", 100, "perCustomerLimit", 1, "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(10)).toString()), merchant.ownerToken());
        var claimed = api.post("/api/v1/me/coupons", Map.of("templateId", template.text("id")), customer);
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        return claimed.text("id");
    }

    private String couponStatus(String customer, String couponId) {
        return api.get("/api/v1/me/coupons", customer).body().valueStream()
                .filter(c -> c.path("id").asString().equals(couponId)).findFirst().orElseThrow()
                .path("status").asString();
    }

    private int stockLeft(UUID deal) {
        return jdbc.sql("select stock_left from deal where id = :id").param("id", deal).query(Integer.class).single();
    }
}

package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attribution over the real flows: the coupon's campaign beats a scan, the window's edges, a scan made before signing
 * in, refunds, another merchant's code, a redelivered event, and many orders at once.
 */
class AttributionIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    /** What the listeners call, called here in the caller's thread as a redelivery would call it. */
    @Autowired
    AttributionReactions reactions;

    private AttributionWorld world(String name) {
        return new AttributionWorld(api, fixtures, jdbc, name);
    }

    private String customer() {
        return fixtures.customerToken(Fixtures.uniquePhone());
    }

    private UUID idOf(String customerToken) {
        return UUID.fromString(api.get("/api/v1/me", customerToken).text("id"));
    }

    @Test
    void theCouponOfACampaignBeatsTheScanOfAnother() {
        var w = world("券胜扫码");
        var byCoupon = w.campaign("发券活动", 7);
        var byPoster = w.campaign("海报活动", 7);
        var template = w.couponTemplate("活动五元券");
        var linked = api.post("/api/v1/merchant/campaigns/" + byCoupon + "/coupons", Map.of("templateId", template),
                w.merchant.ownerToken());
        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        var visitor = w.scanAnonymously(w.poster(byPoster).text("code"));
        var customer = customer();
        var coupon = api.post("/api/v1/me/coupons", Map.of("templateId", template), customer);
        assertThat(coupon.status()).as(coupon.raw()).isEqualTo(201);

        var order = w.orderAndPay(customer, visitor, UUID.fromString(coupon.text("id")));

        var row = w.await("ORDER", order);
        assertThat(row.campaign()).isEqualTo(UUID.fromString(byCoupon));
        assertThat(row.rule()).isEqualTo("COUPON");
        assertThat(row.amount()).isEqualTo(AttributionWorld.PRICE - 500);
        assertThat(row.discount()).isEqualTo(500);
    }

    @Test
    void aScanSixDaysBeforeCountsForASevenDayWindowAndOneEightDaysBeforeDoesNot() {
        var w = world("窗口边界");
        var campaign = w.campaign("七天窗口", 7);
        var code = w.poster(campaign);
        clock.advance(Duration.ofDays(-8));
        var lateVisitor = w.scanAnonymously(code.text("code"));
        clock.advance(Duration.ofDays(2));
        var timelyVisitor = w.scanAnonymously(code.text("code"));
        clock.reset();

        var late = w.await("ORDER", w.orderAndPay(customer(), lateVisitor, null));
        var timely = w.await("ORDER", w.orderAndPay(customer(), timelyVisitor, null));

        assertThat(late.rule()).isEqualTo("ORGANIC");
        assertThat(late.campaign()).isNull();
        assertThat(timely.rule()).isEqualTo("SCAN");
        assertThat(timely.campaign()).isEqualTo(UUID.fromString(campaign));
        assertThat(timely.code()).isEqualTo(UUID.fromString(code.text("id")));
    }

    @Test
    void aScanMadeBeforeSigningInIsTheCustomersOnceTheySignInOnThatPhoneAndTheirOrderIsTheCampaigns() {
        var w = world("扫码后登录");
        var campaign = w.campaign("先扫后登", 7);
        var code = w.poster(campaign).text("code");
        var phone = Fixtures.uniquePhone();
        var session = new WebSession(port);
        assertThat(session.get("/c/" + code).status()).isEqualTo(302);
        assertThat(unboundScans(code)).isEqualTo(1);

        session.signInAsCustomer(phone, fixtures::latestCode);
        var bought = session.post("/deals/" + w.deal + "/buy", Map.of("quantity", "1", "provider", "sandbox"));
        assertThat(unboundScans(code)).as("bound on the first signed-in request").isZero();
        assertThat(bought.status()).as(bought.toString()).isEqualTo(302);
        var pay = session.get(bought.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(pay.status()).as(pay.toString()).isEqualTo(200);
        var paid = session.post(bought.location().replaceFirst("^https?://[^/]+", "") + "/confirm", Map.of());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(302);

        var row = w.awaitOnly("ORDER");
        assertThat(row.rule()).isEqualTo("SCAN");
        assertThat(row.campaign()).isEqualTo(UUID.fromString(campaign));
    }

    private long unboundScans(String code) {
        return jdbc.sql("""
                        select count(*) from campaign_scan s join tracking_code c on c.id = s.code_id
                        where c.code = :code and s.customer_id is null""")
                .param("code", code).query(Long.class).single();
    }

    @Test
    void aRefundTakesItsAmountFromTheOrdersCampaign() {
        var w = world("退款归因");
        var campaign = w.campaign("退款活动", 7);
        var visitor = w.scanAnonymously(w.poster(campaign).text("code"));
        var customer = customer();
        var order = w.orderAndPay(customer, visitor, null);
        var voucher = fixtures.vouchersOf(customer, 1).get(0).path("id").asString();

        var refunded = api.post("/api/v1/me/vouchers/" + voucher + "/refund", null, customer);
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);

        var refund = jdbc.sql("select fact_id from attribution where kind = 'REFUND' and order_id = :o")
                .param("o", UUID.fromString(order)).query(String.class);
        var factId = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> refund.optional(), java.util.Optional::isPresent).orElseThrow();
        var row = w.await("REFUND", factId);
        assertThat(row.campaign()).isEqualTo(UUID.fromString(campaign));
        assertThat(row.rule()).isEqualTo("SCAN");
        assertThat(row.amount()).isEqualTo(-AttributionWorld.PRICE);
        assertThat(netRevenue(campaign)).isZero();
        var today = java.time.LocalDate.now(clock.withZone(ResultsPeriod.ZONE));
        var results = api.get("/api/v1/merchant/campaigns/" + campaign + "/results?from=" + today + "&to=" + today,
                w.merchant.ownerToken()).body();
        assertThat(results.path("totals").path("netRevenueMinor").asLong()).isZero();
        assertThat(results.path("funnel").path("orders").asLong()).isEqualTo(1);
        assertThat(results.path("funnel").path("paid").asLong()).as("wholly refunded").isZero();
    }

    @Test
    void aVisitorsNewAnonymousScanIsBoundAgainOnTheNextSignedInRequestFromThatPhone() {
        var w = world("再次扫码");
        var first = w.campaign("第一张海报", 7);
        var second = w.campaign("第二张海报", 7);
        var visitor = w.scanAnonymously(w.poster(first).text("code"));
        var customer = customer();
        var customerId = idOf(customer);
        assertThat(api.send("GET", "/api/v1/me", null, customer, Map.of("Cookie", "o2o_vid=" + visitor)).status())
                .isEqualTo(200);
        assertThat(scansOf(visitor, customerId)).isEqualTo(1);

        var code = w.poster(second).text("code");
        var again = api.send("GET", "/c/" + code, null, null, Map.of("Cookie", "o2o_vid=" + visitor));
        assertThat(again.status()).isEqualTo(302);
        var row = w.await("ORDER", w.orderAndPay(customer, visitor, null));

        assertThat(scansOf(visitor, customerId)).isEqualTo(2);
        assertThat(row.campaign()).as("the latest scan").isEqualTo(UUID.fromString(second));
    }

    private long scansOf(UUID visitor, UUID customer) {
        return jdbc.sql("select count(*) from campaign_scan where visitor_id = :v and customer_id = :c")
                .param("v", visitor).param("c", customer).query(Long.class).single();
    }

    @Test
    void aMergedCustomersScansCountForTheCustomerTheyBecame() {
        var w = world("合并归因");
        var campaign = w.campaign("合并活动", 7);
        var visitor = w.scanAnonymously(w.poster(campaign).text("code"));
        var source = customer();
        assertThat(api.send("GET", "/api/v1/me", null, source, Map.of("Cookie", "o2o_vid=" + visitor)).status())
                .isEqualTo(200);
        var target = customer();
        var merged = api.post("/api/v1/admin/customers/merge", Map.of("sourceCustomerId", idOf(source),
                "targetCustomerId", idOf(target)), fixtures.operatorToken());
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> scansOf(visitor, idOf(target)) == 1);

        var row = w.await("ORDER", w.orderAndPay(target, UUID.randomUUID(), null));

        assertThat(row.rule()).isEqualTo("SCAN");
        assertThat(row.campaign()).isEqualTo(UUID.fromString(campaign));
    }

    @Test
    void aCodeOfAnotherMerchantNeverAttributes() {
        var ours = world("本店");
        var theirs = world("别家");
        var theirCampaign = theirs.campaign("别家活动", 7);
        var visitor = ours.scanAnonymously(theirs.poster(theirCampaign).text("code"));

        var row = ours.await("ORDER", ours.orderAndPay(customer(), visitor, null));

        assertThat(row.rule()).isEqualTo("ORGANIC");
        assertThat(row.campaign()).isNull();
    }

    @Test
    void aRedeliveredOrderPaidOrRefundCountsOnce() {
        var w = world("重投事件");
        var campaign = w.campaign("重投", 7);
        var visitor = w.scanAnonymously(w.poster(campaign).text("code"));
        var customer = customer();
        var order = w.orderAndPay(customer, visitor, null);

        var paid = new OrderPaid(new OrderId(UUID.fromString(order)), new MerchantId(w.merchant.id()),
                new CustomerId(idOf(customer)), Channel.DEAL, new Money(AttributionWorld.PRICE, Money.CNY),
                Instant.now());
        reactions.on(paid);
        reactions.on(paid);
        var refund = new OrderRefunded(paid.orderId(), paid.merchantId(), paid.customerId(),
                new Money(1000, Money.CNY), paid.total(), "test:partial", Instant.now());
        reactions.on(refund);
        reactions.on(refund);
        Drained.await(jdbc);

        assertThat(w.rows("ORDER", order)).hasSize(1);
        assertThat(w.rows("REFUND", order + ":test:partial")).hasSize(1);
        assertThat(netRevenue(campaign)).isEqualTo(AttributionWorld.PRICE - 1000);
    }

    @Test
    void twentySimultaneousOrdersOfScannedCustomersMakeTwentyAttributedRows() throws Exception {
        var w = world("并发归因");
        var campaign = w.campaign("并发", 7);
        var code = w.poster(campaign).text("code");
        var customers = IntStream.range(0, 20).mapToObj(i -> customer()).toList();
        var visitors = customers.stream().map(c -> w.scanAnonymously(code)).toList();
        var orders = new ArrayList<String>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            var results = new ArrayList<Future<String>>();
            for (int i = 0; i < 20; i++) {
                var n = i;
                results.add(pool.submit(() -> {
                    gate.await();
                    var order = w.order(customers.get(n), visitors.get(n), null);
                    fixtures.pay(customers.get(n), order, true);
                    return order;
                }));
            }
            gate.countDown();
            for (var result : results) orders.add(result.get());
        }
        for (var order : orders) assertThat(w.await("ORDER", order).campaign()).isEqualTo(UUID.fromString(campaign));
        assertThat(jdbc.sql("select count(*) from attribution where campaign_id = :c and kind = 'ORDER'")
                .param("c", UUID.fromString(campaign)).query(Long.class).single()).isEqualTo(20);
        assertThat(netRevenue(campaign)).isEqualTo(20 * AttributionWorld.PRICE);
        var today = java.time.LocalDate.now(clock.withZone(ResultsPeriod.ZONE));
        var totals = api.get("/api/v1/merchant/campaigns/" + campaign + "/results?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1), w.merchant.ownerToken()).body().path("totals");
        assertThat(totals.path("orders").asLong()).isEqualTo(20);
        assertThat(totals.path("netRevenueMinor").asLong()).isEqualTo(20 * AttributionWorld.PRICE);
        assertThat(totals.path("scans").asLong()).isEqualTo(20);
    }

    private long netRevenue(String campaign) {
        return jdbc.sql("""
                        select coalesce(sum(amount_minor), 0) from attribution
                        where campaign_id = :c and kind in ('ORDER', 'REFUND')""")
                .param("c", UUID.fromString(campaign)).query(Long.class).single();
    }
}

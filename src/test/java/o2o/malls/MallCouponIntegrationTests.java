package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.coupons.Coupons;
import o2o.ledger.Ledger;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mall's coupon is claimed like any coupon and spent at its tenants' checkouts; the mall then owes the tenant the
 * discount on the ledger, once, and a refund takes the refunded share back.
 */
class MallCouponIntegrationTests extends ApiTest {

    @Autowired
    Ledger ledger;

    @Autowired
    Coupons coupons;

    @Autowired
    PlatformTransactionManager transactions;

    MallFixtures malls;
    MallCouponFixtures mallCoupons;

    @BeforeEach
    void setUp() {
        malls = new MallFixtures(api, fixtures);
        mallCoupons = new MallCouponFixtures(api, fixtures, ledger);
    }

    @Test
    void aMallCouponSpentAtATenantTakesItsDiscountOffAndTheMallOwesTheTenantThatDiscount() {
        var mall = malls.mall("券商场", 2);
        var tenant = mall.tenants().get(0);
        var template = mallCoupons.issue(mall, MallCouponFixtures.body(1500, 5000, 100, 1));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var listed = api.get("/api/v1/malls/" + mall.id() + "/coupons");
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().get(0).path("id").asString()).isEqualTo(template.toString());
        assertThat(listed.body().get(0).path("allTenants").asBoolean()).isTrue();
        var coupon = mallCoupons.claim(customer, template);
        var wallet = api.get("/api/v1/me/coupons", customer).body().get(0);
        assertThat(wallet.path("mall").path("mallId").asString()).isEqualTo(mall.id().toString());
        assertThat(wallet.path("mall").path("merchantIds").toString()).contains(tenant.merchant().id().toString());

        var deal = mallCoupons.deal(tenant.merchant(), tenant.store(), 10000);
        var order = mallCoupons.order(customer, deal, 1, coupon);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        assertThat(order.body().path("discountAmount").path("minor").asLong()).isEqualTo(1500);
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isEqualTo(8500);
        assertThat(mallCoupons.couponStatus(customer, coupon)).isEqualTo("RESERVED");
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).as("nothing owed before it is paid").isZero();

        fixtures.pay(customer, order.text("id"), true);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> mallCoupons.couponStatus(customer, coupon).equals("USED"));
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).isEqualTo(1500);
        assertThat(mallCoupons.funded(mall.id(), mall.operator().id())).isEqualTo(-1500);
        assertThat(mallCoupons.due(mall.id(), mall.tenants().get(1).merchant().id())).isZero();
        assertThat(ledger.entry("mall-coupon:" + coupon)).isPresent();

        var mine = api.get("/api/v1/merchant/mall/coupons", mall.operator().ownerToken());
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.body().get(0).path("claimed").asInt()).isEqualTo(1);
        assertThat(mine.body().get(0).path("used").asInt()).isEqualTo(1);
        assertThat(mine.body().get(0).path("left").asInt()).isEqualTo(99);
    }

    @Test
    void aMallCouponIsRefusedAtATenantNotChosenAndAtAMerchantOutsideTheMallAndStaysUsable() {
        var mall = malls.mall("选店商场", 2);
        var chosen = mall.tenants().get(0);
        var other = mall.tenants().get(1);
        var body = MallCouponFixtures.body(1000, 0, 100, 1);
        body.put("storeIds", List.of(chosen.store()));
        var template = mallCoupons.issue(mall, body);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var coupon = mallCoupons.claim(customer, template);

        var notChosen = mallCoupons.order(customer, mallCoupons.deal(other.merchant(), other.store(), 5000), 1,
                coupon);
        assertThat(notChosen.status()).as(notChosen.raw()).isEqualTo(409);
        assertThat(notChosen.text("type")).isEqualTo("urn:o2o:problem:coupon-not-applicable");
        var outsider = fixtures.approvedMerchant("场外商户");
        var outsiderStore = fixtures.store(outsider, "场外商户", 31.0, 121.0, "餐饮");
        var outside = mallCoupons.order(customer, mallCoupons.deal(outsider, outsiderStore, 5000), 1, coupon);
        assertThat(outside.status()).as(outside.raw()).isEqualTo(409);
        var mallsOwn = mallCoupons.order(customer, mallCoupons.deal(mall.operator(), mall.building(), 5000), 1,
                coupon);
        assertThat(mallsOwn.status()).as("the mall's own store is no tenant").isEqualTo(409);
        assertThat(mallCoupons.couponStatus(customer, coupon)).isEqualTo("AVAILABLE");
        assertThat(api.get("/api/v1/me/orders", customer).body().size()).as("no order was placed").isZero();

        var atChosen = mallCoupons.order(customer, mallCoupons.deal(chosen.merchant(), chosen.store(), 5000), 1,
                coupon);
        assertThat(atChosen.status()).as(atChosen.raw()).isEqualTo(201);
        assertThat(atChosen.body().path("totalAmount").path("minor").asLong()).isEqualTo(4000);
    }

    @Test
    void aTenantLetInLaterTakesTheMallsCouponsForAllTenantsButNotThoseForChosenOnes() {
        var mall = malls.mall("新租户商场", 1);
        var forAll = mallCoupons.issue(mall, MallCouponFixtures.body(500, 0, 100, 1));
        var chosenBody = MallCouponFixtures.body(500, 0, 100, 1);
        chosenBody.put("merchantIds", List.of(mall.tenants().get(0).merchant().id()));
        var forChosen = mallCoupons.issue(mall, chosenBody);
        var newcomer = malls.tenant(mall.id(), "后来的租户", 2, "L2-88", "零售");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var deal = mallCoupons.deal(newcomer.merchant(), newcomer.store(), 3000);

        var refused = mallCoupons.order(customer, deal, 1, mallCoupons.claim(customer, forChosen));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        var taken = mallCoupons.order(customer, deal, 1, mallCoupons.claim(customer, forAll));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.body().path("totalAmount").path("minor").asLong()).isEqualTo(2500);
        var atStore = api.get("/api/v1/stores/" + newcomer.store() + "/coupons").raw();
        assertThat(atStore).as("the tenant's store page offers it").contains(forAll.toString())
                .doesNotContain(forChosen.toString());
    }

    @Test
    void theSameCouponConsumedTwiceOrManyTimesAtOnceIsOwedOnce() throws Exception {
        var mall = malls.mall("一次商场", 1);
        var tenant = mall.tenants().get(0);
        var template = mallCoupons.issue(mall, MallCouponFixtures.body(700, 0, 100, 1));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var coupon = mallCoupons.claim(customer, template);
        var order = mallCoupons.order(customer, mallCoupons.deal(tenant.merchant(), tenant.store(), 2000), 1, coupon);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        var orderId = new OrderId(UUID.fromString(order.text("id")));

        var inTransaction = new TransactionTemplate(transactions);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                inTransaction.executeWithoutResult(s -> coupons.consume(coupon, orderId));
                return true;
            });
        }
        Concurrently.atOnce(tasks);
        inTransaction.executeWithoutResult(s -> coupons.consume(coupon, orderId));
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).isEqualTo(700);
        assertThat(mallCoupons.funded(mall.id(), mall.operator().id())).isEqualTo(-700);
        assertThat(mallCoupons.couponStatus(customer, coupon)).isEqualTo("USED");
    }

    @Test
    void refundsTakeBackTheirShareOfWhatTheMallOwesAndACancelledOrderOwesNothing() {
        var mall = malls.mall("退款商场", 1);
        var tenant = mall.tenants().get(0);
        var template = mallCoupons.issue(mall, MallCouponFixtures.body(1500, 0, 100, 2));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var deal = mallCoupons.deal(tenant.merchant(), tenant.store(), 5000);

        var cancelledCoupon = mallCoupons.claim(customer, template);
        var unpaid = mallCoupons.order(customer, deal, 1, cancelledCoupon);
        assertThat(api.post("/api/v1/orders/" + unpaid.text("id") + "/cancel", null, customer).text("status"))
                .isEqualTo("CANCELLED");
        assertThat(mallCoupons.couponStatus(customer, cancelledCoupon)).isEqualTo("AVAILABLE");
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).isZero();

        var order = mallCoupons.order(customer, deal, 2, cancelledCoupon);
        assertThat(order.body().path("totalAmount").path("minor").asLong()).isEqualTo(8500);
        fixtures.pay(customer, order.text("id"), true);
        var vouchers = fixtures.vouchersOf(customer, 2);
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).isEqualTo(1500);

        var first = vouchers.get(0).path("id").asString();
        assertThat(api.post("/api/v1/me/vouchers/" + first + "/refund", null, customer).status()).isEqualTo(200);
        var afterOne = mallCoupons.due(mall.id(), tenant.merchant().id());
        assertThat(afterOne).as("half the order refunded: half the due back").isEqualTo(750);
        assertThat(api.post("/api/v1/me/vouchers/" + first + "/refund", null, customer).status())
                .as("the same refund again").isIn(200, 409);
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).isEqualTo(750);

        var second = vouchers.get(1).path("id").asString();
        assertThat(api.post("/api/v1/me/vouchers/" + second + "/refund", null, customer).status()).isEqualTo(200);
        assertThat(mallCoupons.due(mall.id(), tenant.merchant().id())).as("refunded in full").isZero();
        assertThat(mallCoupons.funded(mall.id(), mall.operator().id())).isZero();
        assertThat(mallCoupons.couponStatus(customer, cancelledCoupon)).as("a refund does not give a coupon back")
                .isEqualTo("USED");
        assertThat(ledger.reconcile().clean()).isTrue();
    }

    @Test
    void theMallsCouponPageListsThemWithWhereTheyCanBeUsed() {
        var mall = malls.mall("页面商场", 2);
        var body = MallCouponFixtures.body(800, 3000, 100, 1);
        body.put("title", "商场满30减8");
        var template = mallCoupons.issue(mall, body);
        var page = new WebSession(port).get("/malls/" + mall.id() + "/coupons");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("商场满30减8", "商场内全部商户可用", "登录领取");
        assertThat(new WebSession(port).get("/malls/" + UUID.randomUUID() + "/coupons").status()).isEqualTo(404);

        var phone = Fixtures.uniquePhone();
        var session = new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
        assertThat(session.get("/malls/" + mall.id() + "/coupons").body()).contains("领取</button>");
        var claimed = session.post("/me/coupons/claims", Map.of("templateId", template.toString(),
                "storeId", mall.building().toString()));
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body()).contains("领取成功");
        assertThat(session.get("/malls/" + mall.id() + "/coupons").body()).contains("已领取");
        var wallet = session.get("/me/coupons");
        assertThat(wallet.body()).contains("商场满30减8", "页面商场商场券", "商场内全部商户可用");
    }
}

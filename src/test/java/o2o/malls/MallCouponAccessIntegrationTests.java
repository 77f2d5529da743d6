package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.ledger.Ledger;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mall coupons under pressure: many customers claiming the last ones, one customer claiming twice, a mall's
 * operator reaching for another mall's tenants or coupons, and bad input.
 */
class MallCouponAccessIntegrationTests extends ApiTest {

    @Autowired
    Ledger ledger;

    MallFixtures malls;
    MallCouponFixtures mallCoupons;

    @BeforeEach
    void setUp() {
        malls = new MallFixtures(api, fixtures);
        mallCoupons = new MallCouponFixtures(api, fixtures, ledger);
    }

    @Test
    void fiftyCustomersClaimingTenAtOnceGetExactlyTen() throws Exception {
        var mall = malls.mall("抢券商场", 1);
        var template = mallCoupons.issue(mall, MallCouponFixtures.body(1000, 0, 10, 1));
        var customers = IntStream.range(0, 50).mapToObj(i -> fixtures.customerToken(Fixtures.uniquePhone())).toList();

        var results = Concurrently.atOnce(customers.stream().<Callable<Integer>>map(c -> () ->
                api.post("/api/v1/me/coupons", Map.of("templateId", template), c).status()).toList());

        assertThat(results.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(results).containsOnly(201, 409);
        var held = customers.stream().mapToInt(c -> api.get("/api/v1/me/coupons", c).body().size()).sum();
        assertThat(held).isEqualTo(10);
        var mine = api.get("/api/v1/merchant/mall/coupons", mall.operator().ownerToken()).body().get(0);
        assertThat(mine.path("claimed").asInt()).isEqualTo(10);
        assertThat(mine.path("left").asInt()).isZero();
        assertThat(api.get("/api/v1/malls/" + mall.id() + "/coupons").body().size()).as("none left to claim").isZero();
    }

    @Test
    void theSameClaimTwiceOrFiveTimesAtOnceIsOneCoupon() throws Exception {
        var mall = malls.mall("一张商场", 1);
        var template = mallCoupons.issue(mall, MallCouponFixtures.body(1000, 0, 100, 1));
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        mallCoupons.claim(customer, template);
        var again = api.post("/api/v1/me/coupons", Map.of("templateId", template), customer);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:coupon-limit-reached");
        assertThat(api.get("/api/v1/me/coupons", customer).body().size()).isEqualTo(1);

        var racer = fixtures.customerToken(Fixtures.uniquePhone());
        var results = Concurrently.atOnce(IntStream.range(0, 5).<Callable<Integer>>mapToObj(i -> () ->
                api.post("/api/v1/me/coupons", Map.of("templateId", template), racer).status()).toList());
        assertThat(results.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(api.get("/api/v1/me/coupons", racer).body().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/merchant/mall/coupons", mall.operator().ownerToken()).body().get(0)
                .path("claimed").asInt()).isEqualTo(2);
    }

    @Test
    void aMallsOperatorNeitherIssuesForAnotherMallsTenantsNorReadsItsCoupons() {
        var a = malls.mall("甲券商场", 1);
        var b = malls.mall("乙券商场", 1);
        var bCoupon = mallCoupons.issue(b, MallCouponFixtures.body(1000, 0, 100, 1));
        var foreignMerchant = MallCouponFixtures.body(1000, 0, 100, 1);
        foreignMerchant.put("merchantIds", List.of(b.tenants().get(0).merchant().id()));
        var foreignStore = MallCouponFixtures.body(1000, 0, 100, 1);
        foreignStore.put("storeIds", List.of(b.tenants().get(0).store()));
        var mixed = MallCouponFixtures.body(1000, 0, 100, 1);
        mixed.put("storeIds", List.of(a.tenants().get(0).store(), b.tenants().get(0).store()));
        for (var body : List.of(foreignMerchant, foreignStore, mixed)) {
            var refused = api.post("/api/v1/merchant/mall/coupons", body, a.operator().ownerToken());
            assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
            assertThat(refused.contentType()).contains("problem+json");
        }
        var aList = api.get("/api/v1/merchant/mall/coupons", a.operator().ownerToken());
        assertThat(aList.status()).isEqualTo(200);
        assertThat(aList.body().size()).as("nothing was issued").isZero();
        assertThat(aList.raw()).doesNotContain(bCoupon.toString());

        var tenantOwner = a.tenants().get(0).merchant().ownerToken();
        assertThat(api.post("/api/v1/merchant/mall/coupons", MallCouponFixtures.body(1000, 0, 100, 1), tenantOwner)
                .status()).as("a tenant runs no mall").isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall/coupons", tenantOwner).status()).isEqualTo(403);
        var cashier = fixtures.staff(a.operator(), Role.CASHIER, Set.of(a.building()));
        assertThat(api.post("/api/v1/merchant/mall/coupons", MallCouponFixtures.body(1000, 0, 100, 1), cashier)
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall/coupons", cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall/coupons", b.operator().ownerToken()).raw())
                .contains(bCoupon.toString());
    }

    @Test
    void badInputIsRefusedAndIssuesNothing() {
        var mall = malls.mall("坏输入商场", 1);
        var tenant = mall.tenants().get(0);
        var token = mall.operator().ownerToken();
        var both = MallCouponFixtures.body(1000, 0, 100, 1);
        both.put("merchantIds", List.of(tenant.merchant().id()));
        both.put("storeIds", List.of(tenant.store()));
        var percentTooHigh = MallCouponFixtures.body(1000, 0, 100, 1);
        percentTooHigh.put("kind", "PERCENT_OFF");
        percentTooHigh.put("percentOff", 150);
        var noAmount = MallCouponFixtures.body(1000, 0, 100, 1);
        noAmount.remove("amountOff");
        var backwards = MallCouponFixtures.body(1000, 0, 100, 1);
        backwards.put("validUntil", backwards.get("validFrom"));
        var noQuantity = MallCouponFixtures.body(1000, 0, 0, 1);
        var badKind = MallCouponFixtures.body(1000, 0, 100, 1);
        badKind.put("kind", "FREE_LUNCH");
        var mallItself = MallCouponFixtures.body(1000, 0, 100, 1);
        mallItself.put("merchantIds", List.of(mall.operator().id()));
        var notAnId = MallCouponFixtures.body(1000, 0, 100, 1);
        notAnId.put("storeIds", List.of("not-a-uuid"));
        for (var body : List.of(both, percentTooHigh, noAmount, backwards, noQuantity, badKind, notAnId)) {
            var refused = api.post("/api/v1/merchant/mall/coupons", body, token);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).contains("problem+json");
        }
        assertThat(api.post("/api/v1/merchant/mall/coupons", mallItself, token).status())
                .as("the mall is not its own tenant").isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/mall/coupons", null, token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/mall/coupons", token).body().size()).isZero();
        assertThat(api.get("/api/v1/malls/" + UUID.randomUUID() + "/coupons").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/malls/not-a-uuid/coupons").status()).isEqualTo(400);
    }
}

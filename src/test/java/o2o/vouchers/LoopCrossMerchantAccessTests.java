package o2o.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deals, coupons, vouchers and redemptions of one merchant are out of reach of another merchant's staff. */
class LoopCrossMerchantAccessTests extends ApiTest {

    static final List<Function<Victim, Endpoint>> ENDPOINTS = List.of(
            v -> Endpoint.of("GET", v.fill("/api/v1/merchant/deals/{deal}"), null, v.fill("/api/v1/merchant/deals/{deal}")),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/deals/{deal}/end"), null,
                    v.fill("/api/v1/merchant/deals/{deal}")),
            v -> Endpoint.of("POST", "/api/v1/merchant/deals", dealBody(v.objects().get("store")), "/api/v1/merchant/deals"),
            v -> Endpoint.of("POST", "/api/v1/merchant/coupons", couponBody(v.objects().get("store")),
                    "/api/v1/merchant/coupons"),
            v -> Endpoint.of("POST", "/api/v1/merchant/redemptions",
                    Map.of("code", v.objects().get("code"), "storeId", v.objects().get("store")),
                    "/api/v1/merchant/redemptions"),
            v -> Endpoint.of("POST", v.fill("/api/v1/merchant/redemptions/{redemption}/reversal"), null,
                    "/api/v1/merchant/redemptions"));


    static Map<String, Object> dealBody(String store) {
        var now = Instant.now();
        return Map.of("title", "偷来的", "price", Map.of("minor", 100, "currency", "CNY"), "storeIds", List.of(store),
                "saleStartsAt", now.toString(), "saleEndsAt", now.plus(Duration.ofDays(1)).toString(),
                "validFrom", now.toString(), "validUntil", now.plus(Duration.ofDays(2)).toString(),
                "refundPolicy", "ANYTIME");
    }

    static Map<String, Object> couponBody(String store) {
        var now = Instant.now();
        return Map.of("title", "偷来的券", "kind", "AMOUNT_OFF", "amountOff", Map.of("minor", 100, "currency", "CNY"),
                "storeIds", List.of(store), "totalQuantity", 5, "perCustomerLimit", 1,
                "validFrom", now.toString(), "validUntil", now.plus(Duration.ofDays(2)).toString());
    }

    @Test
    void anotherMerchantsStaffCanNeitherSeeNorTouchTheLoop() {
        var a = fixtures.approvedMerchant("甲");
        var aStore = fixtures.store(a, "甲店", 31.2, 121.4, "火锅");
        var b = fixtures.approvedMerchant("乙");
        var bStore = fixtures.store(b, "乙店", 31.2, 121.4, "火锅");
        var bDeal = fixtures.deal(b, Set.of(bStore), 1000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, bDeal, 2).text("id");
        fixtures.pay(customer, orderId, true);
        var vouchers = fixtures.vouchersOf(customer, 2);
        var bCashier = fixtures.staff(b, Role.CASHIER, Set.of());
        var redemption = api.post("/api/v1/merchant/redemptions",
                Map.of("code", vouchers.get(0).path("code").asString(), "storeId", bStore), bCashier);
        assertThat(redemption.status()).isEqualTo(200);
        var victim = new Victim(b.ownerToken(), Map.of("deal", bDeal.toString(), "store", bStore.toString(),
                "code", vouchers.get(1).path("code").asString(), "redemption", redemption.text("id")));

        var attackers = List.of(a.ownerToken(), fixtures.staff(a, Role.MANAGER, Set.of()),
                fixtures.staff(a, Role.CASHIER, Set.of(aStore)));
        var check = new CrossMerchantAccess(api);
        for (var attacker : attackers) {
            for (var endpoint : ENDPOINTS) check.assertDenied(attacker, victim, endpoint);
            assertThat(api.get("/api/v1/merchant/redemptions?storeId=" + bStore, attacker).body().size()).isZero();
            assertThat(api.get("/api/v1/merchant/deals", attacker).body().valueStream()
                    .map(d -> d.path("merchantId").asString())).doesNotContain(b.id().toString());
        }
        assertThat(api.get("/api/v1/me/vouchers/" + vouchers.get(1).path("id").asString(), customer).text("status"))
                .isEqualTo("ISSUED");
    }

    @Test
    void oneCustomerCannotSeeOrSpendAnothersVouchersOrCoupons() {
        var merchant = fixtures.approvedMerchant("顾客隔离");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "ANYTIME");
        var owner = fixtures.customerToken(Fixtures.uniquePhone());
        var other = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(owner, deal, 1).text("id");
        fixtures.pay(owner, orderId, true);
        var voucher = fixtures.vouchersOf(owner, 1).get(0).path("id").asString();

        assertThat(api.get("/api/v1/me/vouchers/" + voucher, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/vouchers/" + voucher + "/qr-token", other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/vouchers/" + voucher + "/qr.png", other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/vouchers", other).body().size()).isZero();

        var template = api.post("/api/v1/merchant/coupons", couponBody(store.toString()), merchant.ownerToken());
        var coupon = api.post("/api/v1/me/coupons", Map.of("templateId", template.text("id")), owner).text("id");
        var stolen = api.send("POST", "/api/v1/orders", Map.of("dealId", deal, "quantity", 1, "couponId", coupon), other,
                Map.of("Idempotency-Key", "steal-" + coupon));
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/coupons", owner).body().get(0).path("status").asString()).isEqualTo("AVAILABLE");
    }
}

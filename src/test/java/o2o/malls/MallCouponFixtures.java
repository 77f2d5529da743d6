package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.testing.Api;
import o2o.testing.Fixtures;

/** Mall coupons over the API: issuing one, claiming it, spending it on a tenant's deal, and reading the ledger. */
final class MallCouponFixtures {

    private final Api api;
    private final Fixtures fixtures;
    private final Ledger ledger;

    MallCouponFixtures(Api api, Fixtures fixtures, Ledger ledger) {
        this.api = api;
        this.fixtures = fixtures;
        this.ledger = ledger;
    }

    /** A body for {@code POST /api/v1/merchant/mall/coupons}: ¥{@code off} off from ¥{@code minSpend}. */
    static Map<String, Object> body(long offMinor, long minSpendMinor, int quantity, int perCustomer) {
        var now = Instant.now();
        var body = new HashMap<String, Object>();
        body.put("title", Fixtures.unique("商场券"));
        body.put("kind", "AMOUNT_OFF");
        body.put("amountOff", Map.of("minor", offMinor, "currency", "CNY"));
        body.put("minSpend", Map.of("minor", minSpendMinor, "currency", "CNY"));
        body.put("totalQuantity", quantity);
        body.put("perCustomerLimit", perCustomer);
        body.put("validFrom", now.minusSeconds(60).toString());
        body.put("validUntil", now.plus(Duration.ofDays(10)).toString());
        return body;
    }

    /** Issues a mall coupon as the mall's operator; answers the template's id. */
    UUID issue(MallFixtures.MallFixture mall, Map<String, Object> body) {
        var issued = api.post("/api/v1/merchant/mall/coupons", body, mall.operator().ownerToken());
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        return UUID.fromString(issued.text("id"));
    }

    /** Claims one into the customer's wallet; answers the coupon's id. */
    UUID claim(String customer, UUID template) {
        var claimed = api.post("/api/v1/me/coupons", Map.of("templateId", template), customer);
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        return UUID.fromString(claimed.text("id"));
    }

    /** A deal of the tenant's merchant at its store. */
    UUID deal(Fixtures.MerchantFixture merchant, UUID store, long priceMinor) {
        return fixtures.deal(merchant, Set.of(store), priceMinor, null, false, "ANYTIME");
    }

    Api.Response order(String customer, UUID deal, int quantity, UUID coupon) {
        return api.send("POST", "/api/v1/orders", Map.of("dealId", deal, "quantity", quantity, "couponId", coupon),
                customer, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    String couponStatus(String customer, UUID coupon) {
        return api.get("/api/v1/me/coupons", customer).body().valueStream()
                .filter(c -> c.path("id").asString().equals(coupon.toString())).findFirst().orElseThrow()
                .path("status").asString();
    }

    /** What the mall owes the tenant merchant for its coupons (0 before any). */
    long due(UUID mall, UUID tenantMerchant) {
        return ledger.find(new AccountKey("MALL_COUPON_DUE", "merchant:" + tenantMerchant, "mall:" + mall, "CNY"))
                .map(a -> a.balance()).orElse(0L);
    }

    /** What the mall's merchant has funded (negative: its cost). */
    long funded(UUID mall, UUID mallMerchant) {
        return ledger.find(new AccountKey("MALL_COUPON_FUNDED", "merchant:" + mallMerchant, "mall:" + mall, "CNY"))
                .map(a -> a.balance()).orElse(0L);
    }

}

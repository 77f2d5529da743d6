package o2o.coupons;

import java.util.List;
import java.util.UUID;

import o2o.coupons.persistence.WalletCoupons.MallDue;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import org.springframework.stereotype.Component;

/**
 * What a mall owes its tenants for its coupons, on the ledger: a tenant's {@code MALL_COUPON_DUE} account (holder
 * {@code merchant:<tenant>}, scope {@code mall:<mall id>}) against the mall merchant's {@code MALL_COUPON_FUNDED}
 * account in the same scope, so the mall's statements add up each tenant's due for a month. Both may go negative: a
 * refund after the mall has settled takes back what it paid. Each entry is posted once by its reference.
 */
@Component
class MallCouponDues {

    static final String DUE = "MALL_COUPON_DUE";
    static final String FUNDED = "MALL_COUPON_FUNDED";

    private final Ledger ledger;

    MallCouponDues(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The coupon was spent at the tenant: the mall owes it the discount ({@code mall-coupon:<coupon id>}). */
    void owe(UUID couponId, MallDue due) {
        post("mall-coupon:" + couponId, "商场券抵扣（商场承担）", due, due.amount().minor());
    }

    /** Part or all of the order was refunded: the mall no longer owes that share. */
    void giveBack(UUID couponId, String refundReference, MallDue share) {
        post("mall-coupon:" + couponId + ":refund:" + refundReference, "商场券抵扣退回", share,
                -share.amount().minor());
    }

    private void post(String reference, String description, MallDue due, long amount) {
        var scope = "mall:" + due.mallId();
        var unit = due.amount().currency().getCurrencyCode();
        var owed = ledger.account(new AccountKey(DUE, "merchant:" + due.tenantMerchantId(), scope, unit),
                due.tenantMerchantId(), true);
        var funded = ledger.account(new AccountKey(FUNDED, "merchant:" + due.mallMerchantId(), scope, unit),
                due.mallMerchantId(), true);
        ledger.post(reference, description, due.tenantMerchantId(),
                List.of(new Posting(owed.id(), amount), new Posting(funded.id(), -amount)));
    }
}

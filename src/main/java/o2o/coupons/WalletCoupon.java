package o2o.coupons;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A coupon in a customer's wallet.
 *
 * @param merchantId who issued it: the merchant it is for, or the mall's merchant for a mall coupon
 * @param mall for a mall coupon, the tenants where it may be used; null otherwise
 */
public record WalletCoupon(UUID id, UUID templateId, UUID merchantId, String title, CouponTerms terms, Status status,
        @Nullable UUID orderId, Instant claimedAt, @Nullable MallScope mall) {

    /** AVAILABLE → RESERVED (held for an order) → USED (the order was paid), or back to AVAILABLE (cancelled). */
    public enum Status {
        AVAILABLE, RESERVED, USED;

        boolean canBecome(Status next) {
            return switch (this) {
                case AVAILABLE -> next == RESERVED;
                case RESERVED -> next == USED || next == AVAILABLE;
                case USED -> false;
            };
        }
    }

    /**
     * Whether an order of this merchant may use it: the issuing merchant's own coupon, or a mall coupon of one of
     * the mall's eligible tenants (never the mall itself).
     */
    public boolean isFor(UUID merchantId) {
        return mall == null ? this.merchantId.equals(merchantId) : mall.admits(merchantId);
    }

    /**
     * Whether it could be used now at this merchant and, if one is named, this store: available, valid, the
     * merchant's and the store's (the minimum spend is checkout's to check).
     */
    public boolean usableAt(MerchantId merchant, @Nullable StoreId store, Instant now) {
        return status == Status.AVAILABLE && isFor(merchant.value())
                && (store == null || terms.storeIds().isEmpty() || terms.storeIds().contains(store.value()))
                && !now.isBefore(terms.validFrom()) && now.isBefore(terms.validUntil());
    }

    /**
     * What this coupon takes off an order of this merchant's stores and subtotal, if it may be held for it now: the
     * merchant's (or, a mall coupon, an eligible tenant's) and the stores', valid now, the minimum spent, and still
     * available.
     */
    Money discountFor(UUID merchantId, Set<UUID> storeIds, Money subtotal, Instant now) {
        if (!isFor(merchantId)
                || (!terms.storeIds().isEmpty() && terms.storeIds().stream().noneMatch(storeIds::contains))) {
            throw CouponRefusals.notApplicable(mall == null ? "this coupon is for another merchant or store"
                    : "this mall coupon is for another merchant or store");
        }
        if (now.isBefore(terms.validFrom()) || !now.isBefore(terms.validUntil())) {
            throw CouponRefusals.notApplicable("not valid now");
        }
        if (subtotal.compareTo(terms.minSpend()) < 0) {
            throw CouponRefusals.notApplicable("the order is below the coupon's minimum spend");
        }
        if (!status.canBecome(Status.RESERVED)) throw alreadyHeld();
        return terms.discountOn(subtotal);
    }

    static RuntimeException alreadyHeld() {
        return CouponRefusals.notApplicable("this coupon is already used or held by another order");
    }
}

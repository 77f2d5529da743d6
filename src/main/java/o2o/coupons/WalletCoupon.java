package o2o.coupons;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A coupon in a customer's wallet. */
public record WalletCoupon(UUID id, UUID templateId, UUID merchantId, String title, CouponTerms terms, Status status,
        @Nullable UUID orderId, Instant claimedAt) {

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
     * What this coupon takes off an order of this merchant's stores and subtotal, if it may be held for it now: the
     * merchant's and the stores', valid now, the minimum spent, and still available.
     */
    Money discountFor(UUID merchantId, Set<UUID> storeIds, Money subtotal, Instant now) {
        if (!this.merchantId.equals(merchantId)
                || (!terms.storeIds().isEmpty() && terms.storeIds().stream().noneMatch(storeIds::contains))) {
            throw CouponRefusals.notApplicable("this coupon is for another merchant or store");
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

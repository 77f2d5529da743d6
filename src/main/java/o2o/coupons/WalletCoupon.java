package o2o.coupons;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A coupon in a customer's wallet. */
public record WalletCoupon(UUID id, UUID templateId, UUID merchantId, String title, CouponTerms terms, Status status,
        @Nullable UUID orderId, Instant claimedAt) {

    public enum Status { AVAILABLE, RESERVED, USED }
}

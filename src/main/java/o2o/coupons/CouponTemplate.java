package o2o.coupons;

import java.time.Instant;
import java.util.UUID;

/** A coupon template as it stands, with how many have been claimed. */
public record CouponTemplate(UUID id, UUID merchantId, CouponTerms terms, int claimed, boolean active) {

    public boolean claimableAt(Instant now) {
        return givesOutAt(now) && claimed < terms.totalQuantity();
    }

    /** Active and not yet expired; whether any are left is the database's to say. */
    boolean givesOutAt(Instant now) {
        return active && now.isBefore(terms.validUntil());
    }
}

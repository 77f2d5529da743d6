package o2o.coupons;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A coupon template as it stands, with how many have been claimed.
 *
 * @param merchantId who issued and funds it: a merchant for its own stores, or a mall's merchant
 * @param mall where a mall coupon may be used; null for a merchant's own coupon
 */
public record CouponTemplate(UUID id, UUID merchantId, CouponTerms terms, int claimed, boolean active,
        @Nullable MallScope mall) {

    public boolean claimableAt(Instant now) {
        return givesOutAt(now) && claimed < terms.totalQuantity();
    }

    /** Active and not yet expired; whether any are left is the database's to say. */
    boolean givesOutAt(Instant now) {
        return active && now.isBefore(terms.validUntil());
    }
}

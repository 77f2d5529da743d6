package o2o.coupons;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A coupon template: what it takes off, from how much, where, how many exist and how many one customer may hold.
 *
 * @param amountOff for AMOUNT_OFF
 * @param percentOff for PERCENT_OFF, 1 to 99
 * @param maxDiscount for PERCENT_OFF, the cap; null for none
 * @param storeIds where it applies; empty for every store of the merchant
 */
public record CouponTerms(String title, Kind kind, @Nullable Money amountOff, @Nullable Integer percentOff,
        @Nullable Money maxDiscount, Money minSpend, Set<UUID> storeIds, int totalQuantity, int perCustomerLimit,
        Instant validFrom, Instant validUntil) {

    public enum Kind { AMOUNT_OFF, PERCENT_OFF }

    public CouponTerms {
        if (title.isBlank() || title.length() > 60) throw new InvalidInput("title", "1 to 60 characters");
        storeIds = Set.copyOf(storeIds);
        if (kind == Kind.AMOUNT_OFF && (amountOff == null || amountOff.isZero())) {
            throw new InvalidInput("amountOff", "an amount-off coupon takes a positive amount off");
        }
        if (kind == Kind.PERCENT_OFF && (percentOff == null || percentOff < 1 || percentOff > 99)) {
            throw new InvalidInput("percentOff", "1 to 99");
        }
        if (totalQuantity < 1) throw new InvalidInput("totalQuantity", "at least 1");
        if (perCustomerLimit < 1) throw new InvalidInput("perCustomerLimit", "at least 1");
        if (!validUntil.isAfter(validFrom)) throw new InvalidInput("validUntil", "must be after validFrom");
    }

    /** What this coupon takes off a subtotal; never the whole of it, so something is always paid. */
    public Money discountOn(Money subtotal) {
        var off = kind == Kind.AMOUNT_OFF
                ? amountOff
                : new Money(subtotal.minor() * percentOff / 100, subtotal.currency());
        if (kind == Kind.PERCENT_OFF && maxDiscount != null) off = off.min(maxDiscount);
        var most = new Money(Math.max(0, subtotal.minor() - 1), subtotal.currency());
        return off.min(most);
    }
}

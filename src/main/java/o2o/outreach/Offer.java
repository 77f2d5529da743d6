package o2o.outreach;

import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** What a treated member is given: nothing, a coupon of one of the merchant's templates, bonus points or stored value. */
public record Offer(Kind kind, @Nullable UUID couponTemplateId, @Nullable Long points, @Nullable Money amount) {

    public static final long MAX_POINTS = 100_000;
    public static final long MAX_AMOUNT_MINOR = 100_000;

    public enum Kind { NONE, COUPON, POINTS, STORED_VALUE }

    public Offer {
        switch (kind) {
            case NONE -> {
                couponTemplateId = null;
                points = null;
                amount = null;
            }
            case COUPON -> {
                if (couponTemplateId == null) throw new InvalidInput("offer.couponTemplateId", "is required",
                        "input.required");
                points = null;
                amount = null;
            }
            case POINTS -> {
                if (points == null || points < 1 || points > MAX_POINTS) {
                    throw new InvalidInput("offer.points", "1 to " + MAX_POINTS);
                }
                couponTemplateId = null;
                amount = null;
            }
            case STORED_VALUE -> {
                if (amount == null || amount.minor() < 1 || amount.minor() > MAX_AMOUNT_MINOR
                        || !amount.currency().equals(Money.CNY)) {
                    throw new InvalidInput("offer.amount", "0.01 to " + Money.cny(MAX_AMOUNT_MINOR).decimal() + " CNY");
                }
                couponTemplateId = null;
                points = null;
            }
        }
    }

    public static Offer none() {
        return new Offer(Kind.NONE, null, null, null);
    }
}

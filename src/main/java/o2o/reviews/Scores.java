package o2o.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The three scores of a review. Its overall score is their mean (not their minimum: one weak point in an otherwise good
 * visit is not a complaint); an overall of two stars or less, a sum of six or less, flags the review.
 */
public record Scores(Stars taste, Stars environment, Stars service) {

    static final int FLAG_AT_OR_BELOW_SUM = 6;

    /** The scores as sent; a missing one is refused by name. */
    public static Scores of(@Nullable Integer taste, @Nullable Integer environment, @Nullable Integer service) {
        return new Scores(stars("taste", taste), stars("environment", environment), stars("service", service));
    }

    /** taste + environment + service: what the store's rating adds up, so its average stays exact. */
    public int sum() {
        return taste.value() + environment.value() + service.value();
    }

    public BigDecimal overall() {
        return BigDecimal.valueOf(sum()).divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);
    }

    public boolean low() {
        return sum() <= FLAG_AT_OR_BELOW_SUM;
    }

    private static Stars stars(String field, @Nullable Integer value) {
        if (value == null) throw new InvalidInput(field, "must be between 1 and 5");
        try {
            return new Stars(value);
        } catch (InvalidInput e) {
            throw e.at(field);
        }
    }
}

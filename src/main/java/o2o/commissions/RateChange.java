package o2o.commissions;

import java.time.LocalDate;

import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;

/** A rate to set for a taker: of one merchant or of a category (one of the two), from a day on. */
public record RateChange(@Nullable MerchantId merchant, @Nullable String category, int rateBps,
        LocalDate validFrom) {

    public static final int MAX_BPS = 5000;

    public RateChange {
        if (rateBps < 0 || rateBps > MAX_BPS) throw new InvalidInput("rateBps", "0 to " + MAX_BPS);
        if (category != null) {
            category = category.strip();
            if (category.isEmpty() || category.length() > 50) throw new InvalidInput("category", "1 to 50 characters");
        }
        if ((merchant == null) == (category == null)) {
            throw new InvalidInput("merchantId", "name one merchant or one category");
        }
    }
}

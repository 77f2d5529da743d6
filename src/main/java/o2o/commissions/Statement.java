package o2o.commissions;

import java.time.LocalDate;
import java.util.List;

import o2o.shared.MerchantId;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** What commission statements are made of. */
public final class Statement {

    private Statement() {}

    /**
     * A group's figures: the orders charged and their gross (by the day they were charged), the commission charged on
     * them, the commission given back for refunds (by the day of the refund), and what is left.
     */
    public record Figures(long orders, Money gross, Money charged, Money reversed) {

        static final Figures NONE = new Figures(0, Money.cny(0), Money.cny(0), Money.cny(0));

        public Money net() {
            return charged.minus(reversed);
        }

        Figures plus(Figures other) {
            return new Figures(orders + other.orders, gross.plus(other.gross), charged.plus(other.charged),
                    reversed.plus(other.reversed));
        }
    }

    public record Day(LocalDate day, Figures figures) {}

    /** What one taker charged the merchant, over the period and per day (every day, empty ones too). */
    public record OfTaker(Taker taker, @Nullable String takerName, Figures total, List<Day> days) {}

    /**
     * A merchant's statement: over the period and per day across takers (an order two takers charged counts once in
     * orders and gross), then per taker.
     */
    public record OfMerchant(Period period, Figures total, List<Day> days, List<OfTaker> takers) {}

    /** What a taker merchant earned of one merchant over the period. */
    public record Earning(MerchantId merchant, @Nullable String merchantName, Figures figures) {}

    /** What a taker merchant (a mall) earned of each merchant it takes from. */
    public record Earnings(Period period, Figures total, List<Earning> merchants) {}

    /** One merchant's totals towards one taker, for the operator. */
    public record Line(MerchantId merchant, @Nullable String merchantName, Taker taker, @Nullable String takerName,
            Figures figures) {}

    /** Every merchant's totals over the period, for the operator. */
    public record All(Period period, Figures total, List<Line> lines) {}
}

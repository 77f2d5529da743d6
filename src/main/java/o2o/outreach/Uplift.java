package o2o.outreach;

import java.util.List;

/**
 * Treated against held-out members: each arm's conversion (the share who bought at all) and spend per member, the
 * difference of each with its 95 % confidence interval (normal approximation; unpooled variances, so arms of any size
 * and spread), and the incremental revenue it implies over the treated arm.
 */
public record Uplift(Arm treated, Arm holdout, Interval conversion, Interval spendPerMember,
        Interval incrementalRevenue) {

    static final double Z95 = 1.959963984540054;

    /** What one member did after being taken in. */
    public record Outcome(boolean converted, long spendMinor) {}

    public record Arm(int members, int converted, long spendMinor, double conversionRate, double spendPerMember,
            double spendVariance) {

        static Arm of(List<Outcome> outcomes) {
            int n = outcomes.size();
            int converted = 0;
            long spend = 0;
            for (var o : outcomes) {
                if (o.converted()) converted++;
                spend += o.spendMinor();
            }
            double mean = n == 0 ? 0 : (double) spend / n;
            double squares = 0;
            for (var o : outcomes) squares += (o.spendMinor() - mean) * (o.spendMinor() - mean);
            return new Arm(n, converted, spend, n == 0 ? 0 : (double) converted / n, mean,
                    n < 2 ? 0 : squares / (n - 1));
        }

        /** This arm's own conversion with its 95 % interval; none under two members. */
        public Interval conversionInterval() {
            return Interval.around(conversionRate, Math.sqrt(conversionVariance()), members >= 2);
        }

        /** This arm's own spend per member with its 95 % interval; none under two members. */
        public Interval spendInterval() {
            return Interval.around(spendPerMember, Math.sqrt(meanSpendVariance()), members >= 2);
        }

        /** The variance of the conversion rate as estimated from this arm. */
        double conversionVariance() {
            return members == 0 ? 0 : conversionRate * (1 - conversionRate) / members;
        }

        /** The variance of the spend per member as estimated from this arm. */
        double meanSpendVariance() {
            return members == 0 ? 0 : spendVariance / members;
        }
    }

    /** An estimate and its 95 % interval; with too few members on either side, no interval (null bounds). */
    public record Interval(double estimate, @org.jspecify.annotations.Nullable Double low,
            @org.jspecify.annotations.Nullable Double high) {

        static Interval around(double estimate, double standardError, boolean known) {
            return known ? new Interval(estimate, estimate - Z95 * standardError, estimate + Z95 * standardError)
                    : new Interval(estimate, null, null);
        }

        Interval times(double factor) {
            return new Interval(estimate * factor, low == null ? null : low * factor,
                    high == null ? null : high * factor);
        }

        /** True when the whole interval lies above zero: the campaign did something. */
        public boolean significant() {
            return low != null && low > 0;
        }
    }

    public static Uplift of(List<Outcome> treated, List<Outcome> holdout) {
        var t = Arm.of(treated);
        var h = Arm.of(holdout);
        boolean known = t.members() >= 2 && h.members() >= 2;
        double conversionError = Math.sqrt(t.conversionVariance() + h.conversionVariance());
        var conversion = Interval.around(t.conversionRate() - h.conversionRate(), conversionError, known);
        double spendError = Math.sqrt(t.meanSpendVariance() + h.meanSpendVariance());
        var spend = Interval.around(t.spendPerMember() - h.spendPerMember(), spendError, known);
        return new Uplift(t, h, conversion, spend, spend.times(t.members()));
    }
}

package o2o.loyalty;

import o2o.shared.InvalidInput;

/** What a program's tiers are measured by: points earned, or spend (thresholds in whole yuan). */
public enum TierBasis {
    POINTS, SPEND;

    /** The basis a merchant asked for, or a problem naming the field. */
    public static TierBasis parse(String basis) {
        for (var value : values()) if (value.name().equals(basis)) return value;
        throw new InvalidInput("basis", "POINTS or SPEND");
    }

    /** The measure a member needs for a level: spend is counted in fen, thresholds in yuan. */
    public long needed(long threshold) {
        return this == SPEND ? Math.multiplyExact(threshold, 100) : threshold;
    }
}

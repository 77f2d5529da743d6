package o2o.loyalty;

/**
 * A tier level and its benefits. {@code rank} 1 is the lowest level; {@code threshold} is in points, or in whole
 * yuan when the program measures spend.
 */
public record Tier(int rank, String name, long threshold, int discountPercent, int pointsMultiplierPercent) {}

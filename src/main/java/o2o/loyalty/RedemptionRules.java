package o2o.loyalty;

import o2o.shared.InvalidInput;
import o2o.shared.Money;

/**
 * How a program's points are spent as money.
 *
 * @param pointsPerYuanOff points that take one yuan off (100 means a point is worth one fen)
 * @param capPercent the most of an order's amount points may pay, in percent
 * @param minPointsPerUse the fewest points one use may spend
 */
public record RedemptionRules(int pointsPerYuanOff, int capPercent, long minPointsPerUse) {

    public RedemptionRules {
        if (pointsPerYuanOff < 1 || pointsPerYuanOff > 100_000) throw new InvalidInput("pointsPerYuanOff", "1 to 100000");
        if (capPercent < 0 || capPercent > 100) throw new InvalidInput("capPercent", "0 to 100");
        if (minPointsPerUse < 0 || minPointsPerUse > 1_000_000_000L) {
            throw new InvalidInput("minPointsPerUse", "0 to 1000000000");
        }
    }

    /** Points are spent in steps that are worth whole fen: 1 at 100 points a yuan, 3 at 150, 10 at 1000. */
    public long step() {
        return pointsPerYuanOff / gcd(pointsPerYuanOff, 100);
    }

    /** What these points are worth; they must be a whole number of steps and at least the minimum. */
    public Money valueOf(long points) {
        if (points <= 0) throw new InvalidInput("points", "more than 0");
        if (points < minPointsPerUse) throw new InvalidInput("points", "at least " + minPointsPerUse);
        if (points % step() != 0) throw new InvalidInput("points", "a multiple of " + step());
        return Money.cny(Math.multiplyExact(points, 100L) / pointsPerYuanOff);
    }

    /** The most points that may pay an order of this amount, in whole steps. */
    public long mostPointsFor(Money payable) {
        long capMinor = Math.multiplyExact(payable.minor(), capPercent) / 100;
        long points = Math.multiplyExact(capMinor, pointsPerYuanOff) / 100;
        return points - points % step();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

package o2o.loyalty;

import java.math.BigInteger;

/**
 * The points a paid order earns: floor(yuan paid × the channel's points per yuan × the member's tier multiplier % ×
 * the best bonus event's %), in exact integer arithmetic.
 */
record Earning(long paidMinor, int pointsPerYuan, int tierPercent, int bonusPercent) {

    long points() {
        return BigInteger.valueOf(paidMinor).multiply(BigInteger.valueOf(pointsPerYuan))
                .multiply(BigInteger.valueOf(tierPercent)).multiply(BigInteger.valueOf(bonusPercent))
                .divide(BigInteger.valueOf(100L * 100 * 100)).longValueExact();
    }

    /** The part of an order's earned points a refund of part of the order takes back, rounded down. */
    static long refundShare(long earnedPoints, long refundedMinor, long orderTotalMinor) {
        return BigInteger.valueOf(earnedPoints).multiply(BigInteger.valueOf(refundedMinor))
                .divide(BigInteger.valueOf(orderTotalMinor)).longValueExact();
    }
}

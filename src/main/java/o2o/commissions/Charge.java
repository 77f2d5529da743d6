package o2o.commissions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;

import o2o.shared.MerchantId;
import o2o.shared.OrderId;

/**
 * The commission one taker charged on one paid order, and how much of the order and of the commission went back.
 * The commission is the order's total times the rate, rounded half to even to the fen. A refund gives back the share of
 * the commission that the order's money refunded so far bears (rounded the same way, on the running total so shares
 * never drift), all of what is left once the whole order is refunded; never more than was charged.
 */
record Charge(OrderId order, Taker taker, MerchantId merchant, long orderTotal, int rateBps, long commission,
        long refunded, long reversed, Instant chargedAt) {

    static final int BPS = 10_000;

    /** The commission on a total at a rate in basis points, half to even. */
    static long commission(long totalMinor, int rateBps) {
        return share(totalMinor, rateBps, BPS);
    }

    /** A new charge, or none (commission 0 on a tiny total). */
    static java.util.Optional<Charge> of(OrderId order, Taker taker, MerchantId merchant, long total, int rateBps,
            Instant at) {
        long commission = commission(total, rateBps);
        return commission <= 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new Charge(order, taker, merchant, total, rateBps, commission, 0, 0, at));
    }

    /** This charge after a refund of {@code amountMinor} of the order: what it has then, and what goes back now. */
    Refund refund(long amountMinor) {
        if (amountMinor <= 0) return new Refund(this, 0);
        long refundedAfter = Math.min(orderTotal, refunded + amountMinor);
        long reversedAfter = refundedAfter == orderTotal ? commission : share(commission, refundedAfter, orderTotal);
        reversedAfter = Math.max(reversed, Math.min(commission, reversedAfter));
        var after = new Charge(order, taker, merchant, orderTotal, rateBps, commission, refundedAfter, reversedAfter,
                chargedAt);
        return new Refund(after, reversedAfter - reversed);
    }

    /** The charge after a refund, and the commission given back by it (0 or more). */
    record Refund(Charge after, long reversal) {}

    /** {@code a × b / c}, rounded half to even, without overflow. */
    private static long share(long a, long b, long c) {
        return new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}

package o2o.malls;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's month with its mall. Every amount is in fen (CNY) and is what the mall owes the tenant (negative: what
 * the tenant owes the mall): {@code points} — the points the tenant accepted less those it issued, at the program's redemption rate —,
 * {@code couponsDue} (the mall's coupon discounts the tenant gave), {@code collectedDue} (money the mall collected
 * for the tenant's orders) and their sum {@code net}; the payout settles {@code net}.
 */
public record MallStatement(UUID id, MallId mall, MerchantId tenant, StatementMonth month, long pointsIssued,
        long pointsRedeemed, int pointsPerYuanOff, long pointsMinor, long couponsDueMinor, long collectedDueMinor,
        long netMinor, Instant closedAt, Payout payout) {

    /** Who pays whom: the mall the tenant, the tenant the mall, or nobody when the net is zero. */
    public enum Direction {
        MALL_TO_TENANT, TENANT_TO_MALL, NONE;

        public static Direction of(long netMinor) {
            return netMinor > 0 ? MALL_TO_TENANT : netMinor < 0 ? TENANT_TO_MALL : NONE;
        }
    }

    public enum PayoutStatus { PENDING, PAID }

    /** The statement's payout: the amount, who pays, and once paid when and by which transfer. */
    public record Payout(Money amount, Direction direction, PayoutStatus status, @Nullable String reference,
            @Nullable Instant paidAt) {}

    /** The figures a statement is made of, before it is written. */
    public record Figures(long pointsIssued, long pointsRedeemed, int pointsPerYuanOff, long couponsDueMinor,
            long collectedDueMinor) {

        /** The points' net worth to the tenant, to the fen, rounded toward zero as a checkout would. */
        public long pointsMinor() {
            return Math.multiplyExact(pointsRedeemed - pointsIssued, 100L) / pointsPerYuanOff;
        }

        public long netMinor() {
            return Math.addExact(Math.addExact(pointsMinor(), couponsDueMinor), collectedDueMinor);
        }
    }
}

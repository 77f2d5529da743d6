package o2o.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;

/**
 * What each merchant of a program issued and accepted in a period, in points. {@code net} = issued − redeemed: a
 * merchant with a positive net owes that many points' worth to the merchants whose net is negative; the transfers
 * say who pays whom (largest debts first), in points and in money at the program's redemption rate
 * ({@code pointsPerYuanOff} points are worth one yuan, as at checkout).
 */
public record SettlementReport(UUID programId, Instant from, Instant to, int pointsPerYuanOff, List<Line> merchants,
        List<Transfer> transfers) {

    public record Line(UUID merchantId, String name, long issued, long redeemed, long net) {}

    public record Transfer(UUID fromMerchantId, String fromName, UUID toMerchantId, String toName, long points,
            Money value) {}
}

package o2o.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What each merchant of a program issued and accepted in a period, in points. {@code net} = issued − redeemed: a
 * merchant with a positive net owes that many points' worth to the merchants whose net is negative; the transfers
 * say who pays whom (largest debts first).
 */
public record SettlementReport(UUID programId, Instant from, Instant to, List<Line> merchants,
        List<Transfer> transfers) {

    public record Line(UUID merchantId, String name, long issued, long redeemed, long net) {}

    public record Transfer(UUID fromMerchantId, UUID toMerchantId, long points) {}
}

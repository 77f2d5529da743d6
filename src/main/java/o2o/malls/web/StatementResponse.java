package o2o.malls.web;

import java.time.Instant;
import java.util.UUID;

import o2o.malls.MallStatement;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's month with its mall. The {@code *Minor} amounts are fen and signed: what the mall owes the tenant
 * (negative: what the tenant owes the mall); the payout's amount is the net's size and its direction says who pays.
 */
record StatementResponse(UUID id, UUID mallId, UUID tenantMerchantId, String tenantName, String month,
        long pointsIssued, long pointsRedeemed, int pointsPerYuanOff, long pointsMinor, long couponsDueMinor,
        long collectedDueMinor, long netMinor, Instant closedAt, Payout payout) {

    record Payout(Money amount, String direction, String status, @Nullable String reference,
            @Nullable Instant paidAt) {}

    static StatementResponse of(MallStatement s, String tenantName) {
        var p = s.payout();
        return new StatementResponse(s.id(), s.mall().value(), s.tenant().value(), tenantName, s.month().toString(),
                s.pointsIssued(), s.pointsRedeemed(), s.pointsPerYuanOff(), s.pointsMinor(), s.couponsDueMinor(),
                s.collectedDueMinor(), s.netMinor(), s.closedAt(),
                new Payout(p.amount(), p.direction().name(), p.status().name(), p.reference(), p.paidAt()));
    }
}

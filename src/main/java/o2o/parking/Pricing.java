package o2o.parking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import o2o.loyalty.Tier;
import o2o.loyalty.Tiers;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.orders.OrderSpend;
import o2o.orders.SpendWindow;
import o2o.parking.persistence.PlateRows;
import o2o.shared.CustomerId;
import org.springframework.stereotype.Component;

/**
 * Prices a stay at a moment under its mall's rules: the free hours of the plate's member — their tier in the mall's
 * program, and what they paid the mall's tenants from the start of the entry's local day until then (one query over
 * the tenants' merchants) — come off the fee.
 */
@Component
class Pricing {

    private final FeeRules rules;
    private final PlateRows plates;
    private final Malls malls;
    private final Tiers tiers;
    private final OrderSpend spend;

    Pricing(FeeRules rules, PlateRows plates, Malls malls, Tiers tiers, OrderSpend spend) {
        this.rules = rules;
        this.plates = plates;
        this.malls = malls;
        this.tiers = tiers;
        this.spend = spend;
    }

    Quote quote(ParkingSession session, Instant at) {
        var mall = malls.get(session.mall());
        var mallRules = rules.of(mall.id());
        var discounts = plates.owner(session.plate()).map(member -> discounts(mall, mallRules, member, session, at))
                .orElse(Discounts.NONE);
        var fee = mallRules.fee(session.enteredAt(), at, discounts.hours());
        var grace = Duration.ofMinutes(mallRules.graceMinutes());
        return new Quote(session, at, fee, discounts, session.dueAt(at, fee.net(), grace), session.leaveBy(grace));
    }

    private Discounts discounts(Mall mall, ParkingRules rules, CustomerId member, ParkingSession session, Instant at) {
        var tier = tiers.of(member, mall.owner()).map(Tier::name).orElse(null);
        long spent = 0;
        var tenants = malls.tenantMerchants(mall.id());
        var from = session.enteredAt().atZone(ParkingRules.ZONE).toLocalDate().atStartOfDay(ParkingRules.ZONE)
                .toInstant();
        if (!tenants.isEmpty() && rules.spendPerFreeHourMinor() > 0 && at.isAfter(from)) {
            spent = spend.within(tenants, List.of(new SpendWindow(member, from, at))).stream()
                    .mapToLong(s -> s.netMinor()).sum();
        }
        return new Discounts(tier, rules.hoursForTier(tier), spent, rules.hoursForSpend(spent));
    }
}

package o2o.outreach.web;

import java.time.Instant;
import java.util.UUID;

import o2o.outreach.OutreachResults.UpliftReport;
import o2o.outreach.Uplift;
import org.jspecify.annotations.Nullable;

/**
 * Treated against held out: per arm members, converted, conversion rate, spend (minor units) and spend per member;
 * the uplift in conversion (share points) and in spend per member with their 95 % intervals; incremental revenue
 * next to the attributed revenue; the cost and both ROIs.
 */
record UpliftResponse(UUID campaignId, Uplift.Arm treated, Uplift.Arm holdout, Uplift.Interval conversionUplift,
        Uplift.Interval spendUpliftPerMemberMinor, Uplift.Interval incrementalRevenueMinor, boolean significant,
        long attributedRevenueMinor, long attributedOrders, long costMinor, long mediaCostMinor, long smsCostMinor,
        long giftCostMinor, long discountMinor, @Nullable Double incrementalRoi, @Nullable Double attributedRoi,
        @Nullable Instant windowClosesAt, boolean complete) {

    static UpliftResponse of(UpliftReport r) {
        var u = r.uplift();
        return new UpliftResponse(r.outreach().campaignId(), u.treated(), u.holdout(), u.conversion(),
                u.spendPerMember(), u.incrementalRevenue(), u.spendPerMember().significant(),
                r.attributedRevenueMinor(), r.attributedOrders(), r.costMinor(), r.mediaCostMinor(), r.smsCostMinor(),
                r.giftCostMinor(), r.discountMinor(), r.incrementalRoi(), r.attributedRoi(), r.windowClosesAt(),
                r.complete());
    }
}

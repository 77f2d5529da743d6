package o2o.campaigns;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The campaign a fact counts for, and why. The rules, in order: the campaign of a coupon the fact used; else the
 * campaign of the tracking code on the table QR the diner scanned; else the customer's latest scan whose campaign's
 * window still covers the fact; else none (organic).
 */
public record Attribution(@Nullable UUID campaignId, @Nullable UUID codeId, AttributionRule rule) {

    public static final Attribution ORGANIC = new Attribution(null, null, AttributionRule.ORGANIC);

    public Attribution {
        if ((rule == AttributionRule.ORGANIC) != (campaignId == null)) {
            throw new IllegalArgumentException("only an organic fact has no campaign");
        }
        if (rule == AttributionRule.COUPON && codeId != null) {
            throw new IllegalArgumentException("a coupon's campaign names no code");
        }
    }

    /**
     * Decides a fact at {@code at}.
     *
     * @param couponCampaign the campaign owning the template of the coupon the fact used, if any
     * @param tableCode      the campaign's code on the table QR scanned, if any
     * @param scans          the customer's scans at the fact's merchant, in any order
     */
    public static Attribution decide(@Nullable UUID couponCampaign, @Nullable RecentScan tableCode,
            List<RecentScan> scans, Instant at) {
        if (couponCampaign != null) return new Attribution(couponCampaign, null, AttributionRule.COUPON);
        if (tableCode != null) return new Attribution(tableCode.campaignId(), tableCode.codeId(),
                AttributionRule.TABLE_CODE);
        return scans.stream().filter(s -> s.covers(at)).max(Comparator.comparing(RecentScan::scannedAt))
                .map(s -> new Attribution(s.campaignId(), s.codeId(), AttributionRule.SCAN))
                .orElse(ORGANIC);
    }

    public boolean organic() {
        return rule == AttributionRule.ORGANIC;
    }
}

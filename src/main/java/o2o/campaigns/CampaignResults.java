package o2o.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A campaign's results over a period: the totals, the funnel, and the figures by code, channel, store and day. */
public record CampaignResults(Campaign campaign, ResultsPeriod period, Figures totals, Funnel funnel,
        List<Figures> byCode, List<Figures> byChannel, List<Figures> byStore, List<Figures> byDay) {

    public long mediaCostMinor() {
        return campaign.mediaCost().minor();
    }

    /** (net revenue − discount cost − media cost) / media cost, to four places; null when the media cost nothing. */
    public @Nullable BigDecimal roi() {
        if (mediaCostMinor() == 0) return null;
        return BigDecimal.valueOf(totals.netRevenueMinor() - totals.discountMinor() - mediaCostMinor())
                .divide(BigDecimal.valueOf(mediaCostMinor()), 4, RoundingMode.HALF_UP);
    }

    /** The media cost shared by the new members, in minor units rounded half up; null when there were none. */
    public @Nullable Long costPerNewMemberMinor() {
        if (totals.newMembers() == 0) return null;
        return BigDecimal.valueOf(mediaCostMinor()).divide(BigDecimal.valueOf(totals.newMembers()), 0,
                RoundingMode.HALF_UP).longValueExact();
    }
}

package o2o.campaigns.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.campaigns.CampaignResults;
import o2o.campaigns.Figures;
import o2o.campaigns.Funnel;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantCampaignResultsResponse", description = "Amounts in minor units (分) of the currency; net "
        + "revenue is what attributed orders paid less what was refunded of them")
record ResultsResponse(UUID campaignId, LocalDate from, LocalDate to, String currency, Totals totals, Funnel funnel,
        List<Row> byCode, List<Row> byChannel, List<Row> byStore, List<Row> byDay) {

    @Schema(name = "MerchantCampaignResultsTotals")
    record Totals(long scans, long uniqueVisitors, long signIns, long newMembers, long orders, long redemptions,
            long tableVisits, long netRevenueMinor, long discountCostMinor, long mediaCostMinor,
            @Schema(description = "(net revenue − discount cost − media cost) / media cost; null when the media "
                    + "cost nothing") @Nullable BigDecimal roi,
            @Schema(description = "media cost / new members; null when there were none")
            @Nullable Long costPerNewMemberMinor) {}

    @Schema(name = "MerchantCampaignResultsRow")
    record Row(@Schema(description = "the code, channel, store id or date; empty for what a coupon brought")
            String key, @Nullable String label, long scans, long visitors, long orders, long redemptions,
            long newMembers, long tableVisits, long netRevenueMinor, long discountCostMinor) {

        static Row of(Figures f, @Nullable String label) {
            return new Row(f.key(), label, f.scans(), f.visitors(), f.orders(), f.redemptions(), f.newMembers(),
                    f.tableVisits(), f.netRevenueMinor(), f.discountMinor());
        }
    }

    /** The results, with the stores' names as the labels of the store rows. */
    static ResultsResponse of(CampaignResults r, Map<String, String> storeNames) {
        var t = r.totals();
        var totals = new Totals(t.scans(), t.visitors(), r.funnel().signIns(), t.newMembers(), t.orders(),
                t.redemptions(), t.tableVisits(), t.netRevenueMinor(), t.discountMinor(), r.mediaCostMinor(), r.roi(),
                r.costPerNewMemberMinor());
        return new ResultsResponse(r.campaign().id(), r.period().from(), r.period().to(),
                r.campaign().mediaCost().currency().getCurrencyCode(), totals, r.funnel(), rows(r.byCode(), Map.of()),
                rows(r.byChannel(), Map.of()), rows(r.byStore(), storeNames), rows(r.byDay(), Map.of()));
    }

    private static List<Row> rows(List<Figures> figures, Map<String, String> labels) {
        return figures.stream().map(f -> Row.of(f, labels.get(f.key()))).toList();
    }
}

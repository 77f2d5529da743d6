package o2o.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.persistence.ResultRows;
import o2o.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A campaign's results for its owners and managers, from its scans and the attribution projection. */
@Service
public class Results {

    private final Campaigns campaigns;
    private final ResultRows rows;

    Results(Campaigns campaigns, ResultRows rows) {
        this.campaigns = campaigns;
        this.rows = rows;
    }

    /** Over {@code from} to {@code to} (days in Shanghai, both included; each missing one the campaign's own). */
    @Transactional(readOnly = true)
    public CampaignResults of(StaffPrincipal staff, UUID campaignId, @Nullable LocalDate from,
            @Nullable LocalDate to) {
        var campaign = campaigns.find(staff, campaignId);
        var period = ResultsPeriod.of(from, to, campaign);
        var byCode = figures(campaign, period, ResultsBy.CODE);
        var totals = byCode.stream().reduce(Figures.none(""), Results::sum);
        var funnel = rows.funnel(campaign.merchantId(), campaign.id(), period);
        totals = totals.withScans(funnel.scans(), funnel.visitors());
        return new CampaignResults(campaign, period, totals, funnel, byCode,
                figures(campaign, period, ResultsBy.CHANNEL), figures(campaign, period, ResultsBy.STORE),
                figures(campaign, period, ResultsBy.DAY));
    }

    /** A campaign and its totals over its own period, without the breakdowns and the funnel. */
    public record Totals(Campaign campaign, Figures figures) {}

    @Transactional(readOnly = true)
    public Totals totals(StaffPrincipal staff, UUID campaignId) {
        var campaign = campaigns.find(staff, campaignId);
        return new Totals(campaign, figures(campaign, ResultsPeriod.of(null, null, campaign), ResultsBy.CODE).stream()
                .reduce(Figures.none(""), Results::sum));
    }

    private List<Figures> figures(Campaign campaign, ResultsPeriod period, ResultsBy by) {
        var facts = rows.facts(campaign.id(), period, by);
        var merged = new LinkedHashMap<String, Figures>();
        rows.scans(campaign.merchantId(), campaign.id(), period, by).forEach((key, count) -> merged.put(key,
                facts.getOrDefault(key, Figures.none(key)).withScans(count.scans(), count.visitors())));
        facts.forEach(merged::putIfAbsent);
        var sorted = new ArrayList<>(merged.values());
        sorted.sort(java.util.Comparator.comparing(Figures::key));
        return sorted;
    }

    /** Two keys' figures added; the visitors are left to the caller, since one visitor may scan several codes. */
    private static Figures sum(Figures a, Figures b) {
        return new Figures(a.key(), a.scans() + b.scans(), 0, a.orders() + b.orders(),
                a.redemptions() + b.redemptions(), a.newMembers() + b.newMembers(), a.tableVisits() + b.tableVisits(),
                a.netRevenueMinor() + b.netRevenueMinor(), a.discountMinor() + b.discountMinor());
    }
}

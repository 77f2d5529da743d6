package o2o.outreach.web;

import java.util.UUID;

import o2o.campaigns.Campaigns;
import o2o.identity.StaffPrincipal;
import o2o.outreach.OutreachResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A campaign's results against its holdout (owners and managers): the charts of conversion and spend per member,
 * treated against held out with their 95 % intervals, first; then the uplifts, incremental against attributed revenue,
 * the cost, both ROIs, the window and the messages. Another merchant's campaign is a 404.
 */
@Controller
class UpliftConsole {

    private final OutreachResults results;
    private final Campaigns campaigns;

    UpliftConsole(OutreachResults results, Campaigns campaigns) {
        this.results = results;
        this.campaigns = campaigns;
    }

    @GetMapping("/merchant/outreach/{campaignId}")
    String results(StaffPrincipal staff, @PathVariable UUID campaignId, Model model) {
        var report = results.of(staff, campaignId);
        model.addAttribute("campaign", campaigns.find(staff, campaignId));
        model.addAttribute("r", report);
        model.addAttribute("f", new UpliftFigures(report));
        return "outreach/results";
    }
}

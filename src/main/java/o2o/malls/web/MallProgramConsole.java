package o2o.malls.web;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsProgram;
import o2o.loyalty.PointsSpending;
import o2o.loyalty.Tiers;
import o2o.malls.Malls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The mall operator's view of the mall's one membership: the group program's earn and redemption rules and its tiers,
 * with links to the loyalty console where they are changed.
 */
@Controller
class MallProgramConsole {

    private final Malls malls;
    private final PointsProgram programs;
    private final PointsSpending spending;
    private final Tiers tiers;

    MallProgramConsole(Malls malls, PointsProgram programs, PointsSpending spending, Tiers tiers) {
        this.malls = malls;
        this.programs = programs;
        this.spending = spending;
        this.tiers = tiers;
    }

    @GetMapping("/merchant/mall/program")
    String page(StaffPrincipal staff, Model model) {
        var mall = malls.operatedBy(staff);
        model.addAttribute("mall", mall);
        model.addAttribute("rules", programs.rules(mall.programId()));
        model.addAttribute("redemption", spending.rules(mall.programId()));
        model.addAttribute("tiers", tiers.rules(mall.programId()));
        model.addAttribute("tenants", malls.tenantMerchants(mall.id()).size());
        return "malls/program";
    }
}

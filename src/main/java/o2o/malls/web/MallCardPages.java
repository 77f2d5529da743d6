package o2o.malls.web;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.malls.MallId;
import o2o.malls.MallMembership;
import o2o.malls.Malls;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The mall member card: the rotating member QR code (the loyalty module's, of the mall's own merchant, good at every
 * tenant), the points in the mall's program, the tier and how far the next one is; joining from the same page.
 */
@Controller
class MallCardPages {

    private final Malls malls;
    private final MallMembership membership;

    MallCardPages(Malls malls, MallMembership membership) {
        this.malls = malls;
        this.membership = membership;
    }

    @GetMapping("/malls/{mallId}/card")
    String card(@Nullable Authentication authentication, @PathVariable UUID mallId, Model model) {
        var mall = malls.get(new MallId(mallId));
        model.addAttribute("mall", mall);
        var customer = authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal c ? c : null;
        model.addAttribute("card", customer == null ? null : membership.card(customer.id(), mall.id()));
        return "malls/card";
    }

    @PostMapping("/me/malls/{mallId}/membership")
    String join(CustomerPrincipal customer, @PathVariable UUID mallId) {
        membership.join(customer.id(), new MallId(mallId), "page");
        return "redirect:/malls/" + mallId + "/card";
    }
}

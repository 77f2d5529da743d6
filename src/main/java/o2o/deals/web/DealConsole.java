package o2o.deals.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.deals.Deals;
import o2o.deals.RefundPolicy;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant console's deals: the list, the form that creates one, and ending one. */
@Controller
class DealConsole {

    private final Deals deals;
    private final Stores stores;
    private final Clock clock;

    DealConsole(Deals deals, Stores stores, Clock clock) {
        this.deals = deals;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/merchant/deals")
    String list(StaffPrincipal staff, Model model) {
        var now = clock.instant();
        model.addAttribute("staff", staff);
        model.addAttribute("deals", deals.ofMerchant(staff).stream().map(d -> new Row(d, d.onSaleAt(now))).toList());
        return "deals/console";
    }

    @GetMapping("/merchant/deals/new")
    String newDeal(StaffPrincipal staff, Model model) {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers create deals");
        var own = stores.visibleTo(staff);
        var preselected = own.size() == 1 ? List.of(own.getFirst().id()) : List.<UUID>of();
        return page(model, own, DealForm.blank(clock.instant(), preselected));
    }

    @PostMapping("/merchant/deals/new")
    @OnProblem(render = "form", errorPage = 403)
    String create(StaffPrincipal staff, @ModelAttribute DealForm form, RedirectAttributes redirect) {
        var deal = deals.create(staff, form.toTerms());
        redirect.addFlashAttribute("created", deal.terms().title());
        return "redirect:/merchant/deals";
    }

    String form(StaffPrincipal staff, @ModelAttribute DealForm form, Model model) {
        return page(model, stores.visibleTo(staff), form);
    }

    @PostMapping("/merchant/deals/{id}/end")
    String end(StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
        var deal = deals.end(staff, id);
        redirect.addFlashAttribute("ended", deal.terms().title());
        return "redirect:/merchant/deals";
    }

    private String page(Model model, List<Store> own, DealForm form) {
        model.addAttribute("form", form);
        model.addAttribute("stores", own);
        model.addAttribute("policies", RefundPolicy.values());
        return "deals/form";
    }
}

package o2o.coupons.web;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import o2o.coupons.Coupons;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant console's coupons: what has been issued and how much of it claimed, and issuing more. */
@Controller
class CouponConsole {

    private final Coupons coupons;
    private final Stores stores;
    private final Clock clock;

    CouponConsole(Coupons coupons, Stores stores, Clock clock) {
        this.coupons = coupons;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/merchant/coupons")
    String list(StaffPrincipal staff, Model model) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        model.addAttribute("staff", staff);
        model.addAttribute("templates", coupons.templatesOf(staff.merchantId()));
        model.addAttribute("now", clock.instant());
        return "coupons/console";
    }

    @GetMapping("/merchant/coupons/new")
    String newCoupon(StaffPrincipal staff, Model model) {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers issue coupons");
        return page(model, stores.visibleTo(staff), CouponForm.blank(clock.instant()));
    }

    @PostMapping("/merchant/coupons/new")
    @OnProblem(render = "form", errorPage = 403)
    String issue(StaffPrincipal staff, @ModelAttribute CouponForm form, RedirectAttributes redirect) {
        var own = stores.visibleTo(staff);
        var template = coupons.issue(staff, form.toTerms(), own.stream().map(Store::id).collect(Collectors.toSet()));
        redirect.addFlashAttribute("created", template.terms().title());
        return "redirect:/merchant/coupons";
    }

    String form(StaffPrincipal staff, @ModelAttribute CouponForm form, Model model) {
        return page(model, stores.visibleTo(staff), form);
    }

    private String page(Model model, List<Store> own, CouponForm form) {
        model.addAttribute("form", form);
        model.addAttribute("stores", own);
        return "coupons/form";
    }
}

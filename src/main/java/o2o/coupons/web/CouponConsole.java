package o2o.coupons.web;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import o2o.coupons.Coupons;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
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
    private final PageText text;
    private final Clock clock;

    CouponConsole(Coupons coupons, Stores stores, PageText text, Clock clock) {
        this.coupons = coupons;
        this.stores = stores;
        this.text = text;
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
        return form(model, stores.visibleTo(staff), CouponForm.blank(clock.instant()), null);
    }

    @PostMapping("/merchant/coupons/new")
    String issue(StaffPrincipal staff, @ModelAttribute CouponForm form, Model model, RedirectAttributes redirect) {
        var own = stores.visibleTo(staff);
        try {
            var template = coupons.issue(staff, form.toTerms(), own.stream().map(Store::id).collect(Collectors.toSet()));
            redirect.addFlashAttribute("created", template.terms().title());
            return "redirect:/merchant/coupons";
        } catch (Problem problem) {
            if (problem.status().value() == 403) throw problem;
            return form(model, own, form, problem);
        }
    }

    private String form(Model model, List<Store> own, CouponForm form, @Nullable Problem problem) {
        model.addAttribute("form", form);
        model.addAttribute("stores", own);
        if (problem != null) model.addAttribute("errors", List.of(text.problem(problem)));
        return "coupons/form";
    }
}

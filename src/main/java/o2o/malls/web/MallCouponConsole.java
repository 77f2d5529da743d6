package o2o.malls.web;

import java.time.Clock;

import o2o.identity.StaffPrincipal;
import o2o.malls.MallCoupons;
import o2o.malls.Malls;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mall operator's coupons: each with how many were claimed and used and where it can be used, and the form to
 * issue one (the same service as {@code POST /api/v1/merchant/mall/coupons}) for every tenant or the tenants ticked.
 */
@Controller
class MallCouponConsole {

    private final Malls malls;
    private final MallCoupons coupons;
    private final MallViews views;
    private final Clock clock;

    MallCouponConsole(Malls malls, MallCoupons coupons, MallViews views, Clock clock) {
        this.malls = malls;
        this.coupons = coupons;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/merchant/mall/coupons")
    String coupons(StaffPrincipal staff, Model model) {
        return page(staff, MallCouponForm.blank(clock.instant()), model);
    }

    @PostMapping("/merchant/mall/coupons")
    @OnProblem(render = "form")
    String issue(StaffPrincipal staff, @ModelAttribute MallCouponForm form, RedirectAttributes redirect) {
        var issued = coupons.issue(staff, form.terms(), form.eligible());
        redirect.addFlashAttribute("issued", issued.terms().title());
        return "redirect:/merchant/mall/coupons";
    }

    String form(StaffPrincipal staff, @ModelAttribute MallCouponForm form, Model model) {
        return page(staff, form, model);
    }

    private String page(StaffPrincipal staff, MallCouponForm form, Model model) {
        var mall = malls.operatedBy(staff);
        var tenants = malls.tenants(mall.id()).stream().filter(t -> !t.merchant().equals(mall.owner())).toList();
        model.addAttribute("mall", mall);
        model.addAttribute("coupons", coupons.ofOperator(staff));
        model.addAttribute("tenants", tenants);
        model.addAttribute("stores", views.storesOf(tenants));
        model.addAttribute("form", form);
        return "malls/coupons-console";
    }
}

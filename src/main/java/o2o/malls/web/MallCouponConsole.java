package o2o.malls.web;

import o2o.identity.StaffPrincipal;
import o2o.malls.MallCoupons;
import o2o.malls.Malls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The mall operator's coupons: each with how many were claimed and used and where it can be used (issued through
 * {@code POST /api/v1/merchant/mall/coupons}).
 */
@Controller
class MallCouponConsole {

    private final Malls malls;
    private final MallCoupons coupons;

    MallCouponConsole(Malls malls, MallCoupons coupons) {
        this.malls = malls;
        this.coupons = coupons;
    }

    @GetMapping("/merchant/mall/coupons")
    String coupons(StaffPrincipal staff, Model model) {
        model.addAttribute("mall", malls.operatedBy(staff));
        model.addAttribute("coupons", coupons.ofOperator(staff));
        return "malls/coupons-console";
    }
}

package o2o.tableorders.web;

import static o2o.tableorders.web.BillPages.customerOf;
import static o2o.tableorders.web.BillPages.path;
import static o2o.tableorders.web.BillPages.signIn;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.tableorders.Bills;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A diner paying their share of the bill: the preview with their member discount, coupon and points, and the pay
 * buttons.
 */
@Controller
class BillSharePages {

    private final Bills bills;
    private final Tables tables;

    BillSharePages(Bills bills, Tables tables) {
        this.bills = bills;
        this.tables = tables;
    }

    /** Paying a share: the preview for this payer, coupon and points to choose, the three ways to pay. */
    @GetMapping("/t/{code}/bill/shares/{shareId}")
    String share(@PathVariable String code, @PathVariable UUID shareId, @Nullable Authentication authentication,
            HttpSession session, Model model) {
        var customer = customerOf(authentication);
        if (customer == null) return signIn(code);
        var bill = bills.forTable(code, null, null);
        session.setAttribute(BillPages.SEEN, bill.sessionId());
        var share = bill.shares().stream().filter(s -> s.id().equals(shareId)).findFirst()
                .orElseThrow(() -> Problem.notFound("share"));
        model.addAttribute("code", code);
        model.addAttribute("bill", bill);
        model.addAttribute("share", share);
        model.addAttribute("label", BillPages.label(tables, bill));
        model.addAttribute("preview", bills.preview(code, customer, shareId, null, 0));
        return "tableorders/bill-share";
    }

    /** htmx: the preview again as the diner picks a coupon or types points. */
    @GetMapping("/t/{code}/bill/shares/{shareId}/preview")
    @OnProblem(render = "previewWithout", errorPage = 404)
    String preview(@PathVariable String code, @PathVariable UUID shareId,
            @RequestParam(required = false) @Nullable String couponId,
            @RequestParam(defaultValue = "") String pointsToUse,
            CustomerPrincipal customer, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("preview", bills.preview(code, customer, shareId, BillFormValues.coupon(couponId),
                FormValues.wholeNumber("pointsToUse", pointsToUse, 0)));
        return "tableorders/bill-share :: preview";
    }

    /** The preview without the coupon or points that were refused. */
    String previewWithout(@PathVariable String code, @PathVariable UUID shareId, CustomerPrincipal customer,
            Model model) {
        model.addAttribute("code", code);
        model.addAttribute("preview", bills.preview(code, customer, shareId, null, 0));
        return "tableorders/bill-share :: preview";
    }

    @PostMapping("/t/{code}/bill/shares/{shareId}/pay")
    @OnProblem(redirect = "/t/{code}/bill/shares/{shareId}", errorPage = 404)
    String pay(@PathVariable String code, @PathVariable UUID shareId, @RequestParam String method,
            @RequestParam(required = false) @Nullable String couponId,
            @RequestParam(defaultValue = "") String pointsToUse,
            @Nullable Authentication authentication) {
        var customer = customerOf(authentication);
        if (customer == null) return signIn(code);
        var back = path(code);
        var payment = bills.pay(code, customer, shareId, new Bills.Payment(method, BillFormValues.coupon(couponId),
                method.equals("points") ? 0 : FormValues.wholeNumber("pointsToUse", pointsToUse, 0)), back);
        return "redirect:" + (payment.redirectUrl() == null ? back : payment.redirectUrl());
    }
}

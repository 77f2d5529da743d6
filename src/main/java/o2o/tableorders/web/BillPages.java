package o2o.tableorders.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.payments.Payments;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.tableorders.Bill;
import o2o.tableorders.BillShare;
import o2o.tableorders.Bills;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The bill on the diner's phone ({@code /t/{code}/bill}: the rounds, the split, the diner's share with their member
 * discount, coupon and points, the pay buttons; it refreshes itself) and on the staff's ({@code
 * /merchant/tables/{id}/bill}: the same bill, and the counter).
 */
@Controller
class BillPages {

    /** The session whose bill this browser looked at, so that it still shows "paid" after the table was freed. */
    private static final String SEEN = "o2o.tableorders.bill-session";

    /** The gateways whose QR code a payer scans at the counter. */
    private static final java.util.Set<String> QR_AT_THE_COUNTER = java.util.Set.of("wechatpay", "alipay");

    private final Bills bills;
    private final Tables tables;
    private final TableDiners diners;
    private final Payments payments;

    BillPages(Bills bills, Tables tables, TableDiners diners, Payments payments) {
        this.bills = bills;
        this.payments = payments;
        this.tables = tables;
        this.diners = diners;
    }

    @GetMapping("/t/{code}/bill")
    String bill(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            HttpSession session, Model model) {
        diner(code, authentication, request, session, model);
        return "tableorders/bill";
    }

    @GetMapping("/t/{code}/bill/panel")
    String panel(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            HttpSession session, Model model) {
        diner(code, authentication, request, session, model);
        return "tableorders/bill :: panel";
    }

    @PostMapping("/t/{code}/bill/ask")
    @OnProblem(redirect = "/t/{code}/bill", errorPage = 404)
    String ask(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request) {
        var diner = diners.of(authentication, request);
        return act(code, () -> bills.ask(code, diner == null ? "diner" : diner.key()));
    }

    @PostMapping("/t/{code}/bill/split")
    @OnProblem(redirect = "/t/{code}/bill", errorPage = 404)
    String split(@PathVariable String code, @RequestParam String split, @RequestParam(defaultValue = "1") String parts) {
        return act(code, () -> bills.split(code, split(split), FormValues.number("parts", parts)));
    }

    @PostMapping("/t/{code}/bill/claims")
    @OnProblem(redirect = "/t/{code}/bill", errorPage = 404)
    String claim(@PathVariable String code, @RequestParam(name = "item", required = false) @Nullable List<UUID> items,
            @Nullable Authentication authentication) {
        var customer = customerOf(authentication);
        if (customer == null) return signIn(code);
        return act(code, () -> bills.claim(code, customer, items == null ? List.of() : items));
    }

    @PostMapping("/t/{code}/bill/claims/release")
    @OnProblem(redirect = "/t/{code}/bill", errorPage = 404)
    String release(@PathVariable String code, @RequestParam(name = "item", required = false) @Nullable List<UUID> items,
            @Nullable Authentication authentication) {
        var customer = customerOf(authentication);
        if (customer == null) return signIn(code);
        return act(code, () -> bills.unclaim(code, customer, items == null ? List.of() : items));
    }

    @PostMapping("/t/{code}/bill/rest")
    @OnProblem(redirect = "/t/{code}/bill", errorPage = 404)
    String rest(@PathVariable String code) {
        return act(code, () -> bills.gatherRest(code));
    }

    /** Paying a share: the preview for this payer, coupon and points to choose, the three ways to pay. */
    @GetMapping("/t/{code}/bill/shares/{shareId}")
    String share(@PathVariable String code, @PathVariable UUID shareId, @Nullable Authentication authentication,
            HttpSession session, Model model) {
        var customer = customerOf(authentication);
        if (customer == null) return signIn(code);
        var bill = bills.forTable(code, null, null);
        session.setAttribute(SEEN, bill.sessionId());
        var share = bill.shares().stream().filter(s -> s.id().equals(shareId)).findFirst()
                .orElseThrow(() -> Problem.notFound("share"));
        model.addAttribute("code", code);
        model.addAttribute("bill", bill);
        model.addAttribute("share", share);
        model.addAttribute("label", label(bill));
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
        model.addAttribute("preview", bills.preview(code, customer, shareId, coupon(couponId),
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
        var payment = bills.pay(code, customer, shareId, new Bills.Payment(method, coupon(couponId),
                method.equals("points") ? 0 : FormValues.wholeNumber("pointsToUse", pointsToUse, 0)), back);
        return "redirect:" + (payment.redirectUrl() == null ? back : payment.redirectUrl());
    }

    // ---- staff

    @GetMapping("/merchant/tables/{tableId}/bill")
    String staffBill(StaffPrincipal staff, @PathVariable UUID tableId, Model model) {
        staffModel(staff, tableId, model);
        return "tableorders/bill-staff";
    }

    @GetMapping("/merchant/tables/{tableId}/bill/panel")
    String staffPanel(StaffPrincipal staff, @PathVariable UUID tableId, Model model) {
        staffModel(staff, tableId, model);
        return "tableorders/bill-staff :: panel";
    }

    @PostMapping("/merchant/tables/{tableId}/bill/ask")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffAsk(StaffPrincipal staff, @PathVariable UUID tableId) {
        return staffAct(tableId, () -> bills.askByStaff(staff, tableId));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/split")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffSplit(StaffPrincipal staff, @PathVariable UUID tableId, @RequestParam String split,
            @RequestParam(defaultValue = "1") String parts) {
        return staffAct(tableId,
                () -> bills.splitByStaff(staff, tableId, split(split), FormValues.number("parts", parts)));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/reopen")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffReopen(StaffPrincipal staff, @PathVariable UUID tableId) {
        return staffAct(tableId, () -> bills.reopen(staff, tableId));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/counter")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffCounter(StaffPrincipal staff, @PathVariable UUID tableId, @RequestParam String method) {
        return staffAct(tableId, () -> bills.settleAtCounter(staff, tableId, method));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/shares/{shareId}/counter")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffShareCounter(StaffPrincipal staff, @PathVariable UUID tableId, @PathVariable UUID shareId,
            @RequestParam String method) {
        return staffAct(tableId, () -> bills.settleShareAtCounter(staff, tableId, shareId, method));
    }

    /** Staff show the payer a gateway's QR code for a share (WeChat Pay or Alipay); its page returns here once paid. */
    @PostMapping("/merchant/tables/{tableId}/bill/shares/{shareId}/qr")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffShareQr(StaffPrincipal staff, @PathVariable UUID tableId, @PathVariable UUID shareId,
            @RequestParam String provider) {
        return "redirect:" + bills.qrAtCounter(staff, tableId, shareId, provider);
    }

    private void diner(String code, @Nullable Authentication authentication, HttpServletRequest request,
            HttpSession session, Model model) {
        var seen = session.getAttribute(SEEN) instanceof UUID id ? id : null;
        var bill = bills.forTable(code, seen, diners.of(authentication, request));
        session.setAttribute(SEEN, bill.sessionId());
        var customer = customerOf(authentication);
        model.addAttribute("code", code);
        model.addAttribute("bill", bill);
        model.addAttribute("label", label(bill));
        var me = customer == null ? null : customer.customerId();
        model.addAttribute("signedIn", customer != null);
        model.addAttribute("me", me);
        model.addAttribute("myShare", me == null ? null : bill.shares().stream()
                .filter(s -> me.equals(s.claimedBy())).map(BillShare::id).findFirst().orElse(null));
    }

    private void staffModel(StaffPrincipal staff, UUID tableId, Model model) {
        var table = tables.table(tableId).filter(t -> staff.canActIn(t.merchantId(), t.storeId()))
                .orElseThrow(() -> Problem.notFound("table"));
        model.addAttribute("table", table);
        model.addAttribute("qrGateways", payments.gatewaysOf(table.merchantId()).stream()
                .filter(QR_AT_THE_COUNTER::contains).toList());
        model.addAttribute("bill", bills.forStaffIfSeated(staff, tableId).orElse(null));
    }

    private static String act(String code, Runnable action) {
        action.run();
        return "redirect:" + path(code);
    }

    private static String staffAct(UUID tableId, Runnable action) {
        action.run();
        return "redirect:/merchant/tables/" + tableId + "/bill";
    }

    private String label(Bill bill) {
        return tables.table(bill.tableId()).map(t -> t.label()).orElse("");
    }

    private static String path(String code) {
        return "/t/" + UriUtils.encodePathSegment(code, "UTF-8") + "/bill";
    }

    private static String signIn(String code) {
        return "redirect:/signin?next=" + UriUtils.encodeQueryParam(path(code), "UTF-8");
    }

    private static Bill.Split split(String typed) {
        try {
            return Bill.Split.valueOf(typed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("split", "WHOLE, EVEN or ITEMS");
        }
    }

    private static @Nullable UUID coupon(@Nullable String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("couponId", "not a coupon");
        }
    }

    private static @Nullable CustomerPrincipal customerOf(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }
}

package o2o.tableorders.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
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
 * The bill on the diner's phone ({@code /t/{code}/bill}): the rounds, the split, who claimed what; it refreshes
 * itself. Paying a share is {@link BillSharePages}; the staff's side of the same bill is {@link StaffBillPages}.
 */
@Controller
class BillPages {

    /** The session whose bill this browser looked at, so that it still shows "paid" after the table was freed. */
    static final String SEEN = "o2o.tableorders.bill-session";

    private final Bills bills;
    private final Tables tables;
    private final TableDiners diners;

    BillPages(Bills bills, Tables tables, TableDiners diners) {
        this.bills = bills;
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
        return act(code, () -> bills.split(code, BillFormValues.split(split), FormValues.number("parts", parts)));
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

    private void diner(String code, @Nullable Authentication authentication, HttpServletRequest request,
            HttpSession session, Model model) {
        var seen = session.getAttribute(SEEN) instanceof UUID id ? id : null;
        var bill = bills.forTable(code, seen, diners.of(authentication, request));
        session.setAttribute(SEEN, bill.sessionId());
        var customer = customerOf(authentication);
        model.addAttribute("code", code);
        model.addAttribute("bill", bill);
        model.addAttribute("label", label(tables, bill));
        var me = customer == null ? null : customer.customerId();
        model.addAttribute("signedIn", customer != null);
        model.addAttribute("me", me);
        model.addAttribute("myShare", me == null ? null : bill.shares().stream()
                .filter(s -> me.equals(s.claimedBy())).map(BillShare::id).findFirst().orElse(null));
    }

    private static String act(String code, Runnable action) {
        action.run();
        return "redirect:" + path(code);
    }

    static String label(Tables tables, Bill bill) {
        return tables.table(bill.tableId()).map(t -> t.label()).orElse("");
    }

    static String path(String code) {
        return "/t/" + UriUtils.encodePathSegment(code, "UTF-8") + "/bill";
    }

    static String signIn(String code) {
        return "redirect:/signin?next=" + UriUtils.encodeQueryParam(path(code), "UTF-8");
    }

    static @Nullable CustomerPrincipal customerOf(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }
}

package o2o.malls.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.malls.MallStatements;
import o2o.malls.Malls;
import o2o.malls.StatementMonth;
import o2o.shared.Money;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mall operator's settlement page: a month's statements per tenant (a bar chart of each tenant's net above the
 * table), closing an ended month, and marking a payout paid with the transfer's reference.
 */
@Controller
class MallSettlementConsole {

    private final Malls malls;
    private final MallStatements statements;
    private final StatementViews views;
    private final JsonMapper json;
    private final Clock clock;

    MallSettlementConsole(Malls malls, MallStatements statements, StatementViews views, JsonMapper json, Clock clock) {
        this.json = json;
        this.malls = malls;
        this.statements = statements;
        this.views = views;
        this.clock = clock;
    }

    /** A statement with its amounts as signed yuan, for the table. */
    record Row(StatementResponse statement, String points, String coupons, String collected, String net) {

        static Row of(StatementResponse s) {
            return new Row(s, yuan(s.pointsMinor()), yuan(s.couponsDueMinor()), yuan(s.collectedDueMinor()),
                    yuan(s.netMinor()));
        }
    }

    @GetMapping("/merchant/mall/settlement")
    String page(StaffPrincipal staff, @RequestParam(required = false) @Nullable String month, Model model) {
        var mall = malls.operatedBy(staff);
        var shown = month == null || month.isBlank() ? StatementMonth.last(clock) : StatementMonth.parse("month", month);
        var list = views.of(statements.of(mall, shown));
        var chart = new LinkedHashMap<String, Object>();
        var names = new ArrayList<String>();
        var nets = new ArrayList<String>();
        list.forEach(s -> {
            names.add(s.tenantName());
            nets.add(yuan(s.netMinor()));
        });
        chart.put("tenants", names);
        chart.put("net", nets);
        model.addAttribute("mall", mall);
        model.addAttribute("month", shown.toString());
        model.addAttribute("lastMonth", StatementMonth.last(clock).toString());
        model.addAttribute("statements", list.stream().map(Row::of).toList());
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "malls/settlement";
    }

    @PostMapping("/merchant/mall/settlement/close")
    @OnProblem(redirect = "/merchant/mall/settlement?month={month}", errorPage = 403)
    String close(StaffPrincipal staff, @RequestParam String month, RedirectAttributes redirect) {
        var closed = StatementMonth.parse("month", month);
        statements.close(malls.operatedBy(staff), closed);
        redirect.addFlashAttribute("notice", "closed");
        return "redirect:/merchant/mall/settlement?month=" + closed;
    }

    @PostMapping("/merchant/mall/settlement/{id}/pay")
    @OnProblem(redirect = "/merchant/mall/settlement?month={month}", errorPage = {403, 404})
    String pay(StaffPrincipal staff, @PathVariable UUID id, @RequestParam String month,
            @RequestParam String reference, RedirectAttributes redirect) {
        var paid = statements.pay(malls.operatedBy(staff), id, reference);
        redirect.addFlashAttribute("notice", "paid");
        return "redirect:/merchant/mall/settlement?month=" + paid.month();
    }

    /** Signed fen as yuan for the chart ("-12.50"). */
    static String yuan(long minor) {
        var amount = Money.cny(Math.abs(minor)).decimal();
        return minor < 0 ? "-" + amount : amount;
    }
}

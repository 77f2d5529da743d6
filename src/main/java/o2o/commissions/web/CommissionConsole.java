package o2o.commissions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;

import o2o.commissions.CommissionStatements;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.web.PageText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's commission page (owners and managers): the last 7, 30 or 90 days, a chart of commission per day above
 * the table of days, the takers, and what the merchant earned as a taker if it takes commission of others.
 */
@Controller
class CommissionConsole {

    static final Set<Integer> PERIODS = Set.of(7, 30, 90);

    private final CommissionStatements statements;
    private final PageText text;
    private final JsonMapper json;
    private final Clock clock;

    CommissionConsole(CommissionStatements statements, PageText text, JsonMapper json, Clock clock) {
        this.statements = statements;
        this.text = text;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/merchant/commission")
    String page(StaffPrincipal staff, @RequestParam(defaultValue = "30") int days, Model model) {
        if (!PERIODS.contains(days)) throw new InvalidInput("days", "7, 30 or 90");
        var to = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
        var statement = statements.statement(staff, to.minusDays(days), to);
        var earnings = statements.earnings(staff, to.minusDays(days), to);
        var labels = new ArrayList<String>();
        var charged = new ArrayList<String>();
        var reversed = new ArrayList<String>();
        for (var day : statement.days()) {
            labels.add(day.day().toString().substring(5));
            charged.add(day.figures().charged().decimal());
            reversed.add(day.figures().reversed().decimal());
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("days", labels);
        chart.put("charged", charged);
        chart.put("reversed", reversed);
        chart.put("chargedLabel", text.message("commission.charged"));
        chart.put("reversedLabel", text.message("commission.reversed"));
        model.addAttribute("s", statement);
        model.addAttribute("earnings", earnings);
        model.addAttribute("days", days);
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "commissions/console";
    }
}

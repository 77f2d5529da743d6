package o2o.delivery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;

import o2o.delivery.DeliveryFigures;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.web.PageText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery panel of the insights dashboard, an htmx fragment the dashboard loads by its address (the modules share
 * no code): a chart of deliveries and the on-time rate per day, then a table by store, for the dashboard's period.
 */
@Controller
class FiguresPanel {

    static final Set<Integer> PERIODS = Set.of(7, 30, 90);

    private final DeliveryFigures figures;
    private final PageText text;
    private final JsonMapper json;
    private final Clock clock;

    FiguresPanel(DeliveryFigures figures, PageText text, JsonMapper json, Clock clock) {
        this.figures = figures;
        this.text = text;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/merchant/delivery/figures")
    String panel(StaffPrincipal staff, @RequestParam(defaultValue = "30") int days, Model model) {
        if (!PERIODS.contains(days)) throw new InvalidInput("days", "7, 30 or 90");
        var end = LocalDate.now(clock.withZone(DeliveryFigures.ZONE));
        var f = figures.figures(staff, end.minusDays(days - 1), end, null);
        var labels = new ArrayList<String>();
        var delivered = new ArrayList<Long>();
        var onTime = new ArrayList<Double>();
        for (var day : f.byDay()) {
            labels.add(day.day() == null ? "" : day.day().toString().substring(5));
            delivered.add(day.delivered());
            onTime.add(day.onTimeRate() == null ? null : Math.round(day.onTimeRate() * 1000) / 10.0);
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("days", labels);
        chart.put("delivered", delivered);
        chart.put("onTime", onTime);
        chart.put("deliveredLabel", text.message("delivery.figures.delivered"));
        chart.put("onTimeLabel", text.message("delivery.figures.on-time-rate"));
        model.addAttribute("f", f);
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "delivery/console-figures :: figures";
    }
}

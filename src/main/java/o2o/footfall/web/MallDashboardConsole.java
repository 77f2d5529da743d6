package o2o.footfall.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import o2o.footfall.MallDashboards;
import o2o.footfall.MallFootfall;
import o2o.identity.StaffPrincipal;
import o2o.insights.Period;
import o2o.shared.InvalidInput;
import o2o.shared.web.PageText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mall operator's dashboard page: charts first (visitors by hour, by day and by entrance; tenants' sales by floor
 * and by category), then the member figures and the tables, for the last 7, 30 or 90 days.
 */
@Controller
class MallDashboardConsole {

    static final Set<Integer> PERIODS = Set.of(7, 30, 90);

    private final MallDashboards dashboards;
    private final PageText text;
    private final JsonMapper json;
    private final java.time.Clock clock;

    MallDashboardConsole(MallDashboards dashboards, PageText text, JsonMapper json, java.time.Clock clock) {
        this.dashboards = dashboards;
        this.text = text;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/merchant/mall/dashboard")
    String page(StaffPrincipal staff, @RequestParam(defaultValue = "7") int days, Model model) {
        if (!PERIODS.contains(days)) throw new InvalidInput("days", "7, 30 or 90");
        var period = Period.lastDays(days, clock);
        var f = dashboards.of(staff, period.from(), period.to());
        model.addAttribute("f", f);
        model.addAttribute("days", days);
        model.addAttribute("charts", json.writeValueAsString(charts(f, text)));
        return "footfall/dashboard";
    }

    private static Map<String, Object> charts(MallFootfall f, PageText text) {
        var charts = new LinkedHashMap<String, Object>();
        charts.put("posLabel", text.message("footfall.column.pos"));
        charts.put("onlineLabel", text.message("footfall.column.online"));
        charts.put("hourLabels", f.doors().byHour().stream().map(c -> c.hour() + ":00").toList());
        charts.put("hours", f.doors().byHour().stream().map(MallFootfall.Count::in).toList());
        charts.put("days", f.doors().byDay().stream().map(d -> d.day().toString().substring(5)).toList());
        charts.put("byDay", f.doors().byDay().stream().map(MallFootfall.DayCount::in).toList());
        charts.put("entrances", f.doors().byEntrance().stream().map(MallFootfall.EntranceCount::entrance).toList());
        charts.put("byEntrance", f.doors().byEntrance().stream().map(MallFootfall.EntranceCount::in).toList());
        charts.put("floors", f.byFloor().stream().map(MallFootfall.Sales::name).toList());
        charts.put("floorPos", yuan(f.byFloor().stream().map(MallFootfall.Sales::posNetMinor).toList()));
        charts.put("floorOnline", yuan(f.byFloor().stream().map(MallFootfall.Sales::onlineNetMinor).toList()));
        charts.put("categories", f.byCategory().stream().map(MallFootfall.Sales::name).toList());
        charts.put("byCategory", yuan(f.byCategory().stream().map(MallFootfall.Sales::netMinor).toList()));
        return charts;
    }

    private static List<Double> yuan(List<Long> minor) {
        return minor.stream().map(m -> m / 100.0).toList();
    }
}

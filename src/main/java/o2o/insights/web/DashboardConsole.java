package o2o.insights.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import o2o.identity.StaffPrincipal;
import o2o.insights.Csv;
import o2o.insights.Dashboard;
import o2o.insights.Insights;
import o2o.insights.Period;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's dashboard page (owners and managers): charts, KPI tiles against the previous period and tables, for
 * the last 7, 30 or 90 days; the console's home loads it with htmx, and the period picker swaps it. Each table
 * downloads as CSV.
 */
@Controller
class DashboardConsole {

    static final Set<Integer> PERIODS = Set.of(7, 30, 90);
    static final Set<String> TABLES = Set.of("items", "channels", "days");

    private final Insights insights;
    private final PageText text;
    private final JsonMapper json;
    private final Clock clock;

    DashboardConsole(Insights insights, PageText text, JsonMapper json, Clock clock) {
        this.insights = insights;
        this.text = text;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/merchant/dashboard")
    String page(StaffPrincipal staff, @RequestParam(defaultValue = "30") int days,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        if (!PERIODS.contains(days)) throw new InvalidInput("days", "7, 30 or 90");
        var period = Period.lastDays(days, clock);
        var dashboard = insights.dashboard(staff, period.from(), period.to(), null);
        var view = DashboardView.of(dashboard, text);
        model.addAttribute("d", dashboard);
        model.addAttribute("days", days);
        model.addAttribute("tiles", view.tiles());
        model.addAttribute("charts", json.writeValueAsString(view.charts()));
        model.addAttribute("text", text);
        return htmx != null ? "insights/dashboard :: dashboard" : "insights/dashboard";
    }

    @GetMapping("/merchant/dashboard.csv")
    ResponseEntity<byte[]> csv(StaffPrincipal staff, @RequestParam String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        if (!TABLES.contains(table)) throw new InvalidInput("table", "items, channels or days");
        var d = insights.dashboard(staff, from, to, null);
        var body = switch (table) {
            case "items" -> Csv.of(header("title", "quantity", "amount"), d.topItems().stream()
                    .map(i -> List.of(i.title(), Long.toString(i.quantity()), yuan(i.amountMinor()))).toList());
            case "channels" -> Csv.of(header("channel", "orders", "gross", "refunded"), d.byChannel().stream()
                    .map(c -> List.of(DashboardView.label(c.channel(), text), Long.toString(c.orders()),
                            yuan(c.grossMinor()), yuan(c.refundedMinor()))).toList());
            default -> Csv.of(header("day", "channel", "orders", "gross", "refunded"), days(d));
        };
        var name = "dashboard-" + table + "-" + d.period().from() + "-" + d.period().to() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private List<List<String>> days(Dashboard d) {
        return d.byDay().stream().map(r -> List.of(r.day().toString(), DashboardView.label(r.channel(), text),
                Long.toString(r.orders()), yuan(r.grossMinor()), yuan(r.refundedMinor()))).toList();
    }

    private List<String> header(String... columns) {
        return java.util.Arrays.stream(columns).map(c -> text.message("insights.column." + c)).toList();
    }

    private static String yuan(long minor) {
        return Money.cny(minor).decimal();
    }
}

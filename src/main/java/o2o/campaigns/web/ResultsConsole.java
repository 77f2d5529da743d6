package o2o.campaigns.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.campaigns.Figures;
import o2o.campaigns.Results;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's results page in the merchant console (owners and managers): charts of scans and revenue by day and of
 * the funnel first, then the tables by code, channel, store and day, each downloadable as CSV.
 */
@Controller
class ResultsConsole {

    /** The tables a CSV download names. */
    enum Table { CODES, CHANNELS, STORES, DAYS }

    private final Results results;
    private final Stores stores;
    private final PageText text;

    ResultsConsole(Results results, Stores stores, PageText text) {
        this.results = results;
        this.stores = stores;
        this.text = text;
    }

    @GetMapping("/merchant/campaigns/{id}/results")
    @OnProblem(redirect = "/merchant/campaigns/{id}/results")
    String page(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to, Model model) {
        var found = results.of(staff, id, from, to);
        var days = found.byDay();
        model.addAttribute("r", found);
        model.addAttribute("campaign", found.campaign());
        model.addAttribute("storeNames", ResultsApi.storeNames(found, stores));
        model.addAttribute("dayLabels", days.stream().map(Figures::key).collect(Collectors.joining("|")));
        model.addAttribute("dayScans", days.stream().map(f -> Long.toString(f.scans()))
                .collect(Collectors.joining("|")));
        model.addAttribute("dayRevenue", days.stream().map(f -> yuan(f.netRevenueMinor()))
                .collect(Collectors.joining("|")));
        var funnel = found.funnel();
        model.addAttribute("funnelLabels", List.of("scans", "visitors", "sign-ins", "orders", "paid", "redeemed")
                .stream().map(step -> text.message("campaigns.results.funnel." + step))
                .collect(Collectors.joining("|")));
        model.addAttribute("funnelValues", List.of(funnel.scans(), funnel.visitors(), funnel.signIns(),
                funnel.orders(), funnel.paid(), funnel.redeemed()).stream().map(String::valueOf)
                .collect(Collectors.joining("|")));
        return "campaigns/results";
    }

    @GetMapping("/merchant/campaigns/{id}/results.csv")
    ResponseEntity<byte[]> csv(StaffPrincipal staff, @PathVariable UUID id, @RequestParam String table,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        var which = tableOf(table);
        var found = results.of(staff, id, from, to);
        var rows = switch (which) {
            case CODES -> found.byCode();
            case CHANNELS -> found.byChannel();
            case STORES -> found.byStore();
            case DAYS -> found.byDay();
        };
        var body = ResultsCsv.of(rows, which == Table.STORES ? ResultsApi.storeNames(found, stores) : Map.of(),
                text.message("campaigns.results.csv.header"));
        var name = "campaign-" + found.campaign().id() + "-" + table + "-" + found.period().from() + "-"
                + found.period().to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Table tableOf(String raw) {
        for (var t : Table.values()) if (t.name().equalsIgnoreCase(raw)) return t;
        throw new InvalidInput("table", "one of codes, channels, stores, days");
    }

    static String yuan(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }
}

package o2o.insights.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.insights.Platform;
import o2o.insights.PlatformInsights;
import o2o.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's dashboard and merchant list (operators only). */
@RestController
@Tag(name = "Insights")
class PlatformDashboardApi {

    private final PlatformInsights insights;

    PlatformDashboardApi(PlatformInsights insights) {
        this.insights = insights;
    }

    @GetMapping("/api/v1/admin/dashboard")
    @Operation(summary = "GMV and orders by channel and city, merchants and stores active (a paid order in the "
            + "period), new members, redemptions, against the previous period; days in Asia/Shanghai, default the "
            + "last 30, at most 366")
    Platform dashboard(StaffPrincipal operator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return insights.dashboard(operator, from, to);
    }

    @GetMapping("/api/v1/admin/dashboard/merchants")
    @Operation(summary = "Merchants whose name contains q, 20 a page by cursor, each with its figures over the period")
    Page<Platform.MerchantRow> merchants(StaffPrincipal operator, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return insights.merchants(operator, q, cursor, from, to);
    }
}

package o2o.insights.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.insights.Insights;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's dashboard (owners and managers). */
@RestController
@Tag(name = "Insights")
class DashboardApi {

    private final Insights insights;

    DashboardApi(Insights insights) {
        this.insights = insights;
    }

    @GetMapping("/api/v1/merchant/dashboard")
    @Operation(summary = "Sales by channel and day, orders, average ticket, redemptions, new and returning members, "
            + "repeat rate, stored value sold and spent, points issued and redeemed, top items and busiest hours, "
            + "each against the previous period of equal length. Days in Asia/Shanghai, both included (default the "
            + "last 30; at most 366); storeId limits sales, items, hours and redemptions to one store")
    DashboardResponse dashboard(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID storeId) {
        return DashboardResponse.of(insights.dashboard(staff, from, to, storeId), storeId);
    }
}

package o2o.footfall.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.footfall.MallDashboards;
import o2o.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mall operator's dashboard of foot traffic and tenants' sales. */
@RestController
@Tag(name = "Mall operator")
class MallDashboardApi {

    private final MallDashboards dashboards;

    MallDashboardApi(MallDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/merchant/mall/dashboard")
    @Operation(summary = "Visitors counted at the doors by hour of day, by day and by entrance; Wi-Fi visits, their "
            + "share of the visitors (per mille) and average dwell; visiting members who paid a tenant on a day of "
            + "their visit; tenants' net sales by floor and by category, at the POS and online. Days in Asia/Shanghai, "
            + "both included (default the last 30; at most 366)")
    MallDashboardResponse dashboard(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return MallDashboardResponse.of(dashboards.of(staff, from, to));
    }
}

package o2o.insights.web;

import java.time.Clock;
import java.util.List;

import o2o.identity.StaffPrincipal;
import o2o.insights.Period;
import o2o.insights.Platform;
import o2o.insights.PlatformInsights;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's dashboard: the platform's tiles against the previous period, GMV by channel and city, and the
 * merchant list with search; the operator console's home loads it with htmx.
 */
@Controller
class PlatformConsole {

    private final PlatformInsights insights;
    private final Clock clock;

    PlatformConsole(PlatformInsights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @GetMapping("/admin/dashboard")
    String page(StaffPrincipal operator, @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        if (!DashboardConsole.PERIODS.contains(days)) throw new InvalidInput("days", "7, 30 or 90");
        var period = Period.lastDays(days, clock);
        var platform = insights.dashboard(operator, period.from(), period.to());
        model.addAttribute("p", platform);
        model.addAttribute("days", days);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("tiles", tiles(platform));
        model.addAttribute("merchants", insights.merchants(operator, q, cursor, period.from(), period.to()));
        return htmx != null ? "insights/platform :: platform" : "insights/platform";
    }

    @GetMapping("/admin/dashboard/merchants")
    String merchants(StaffPrincipal operator, @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        if (!DashboardConsole.PERIODS.contains(days)) throw new InvalidInput("days", "7, 30 or 90");
        var period = Period.lastDays(days, clock);
        model.addAttribute("days", days);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("merchants", insights.merchants(operator, q, cursor, period.from(), period.to()));
        return "insights/platform :: merchant-list";
    }

    private static List<DashboardView.Tile> tiles(Platform p) {
        var now = p.current();
        var before = p.previous();
        return List.of(
                tile("gmv", Money.cny(now.gmvMinor()).decimal(), now.gmvMinor(), before.gmvMinor()),
                tile("orders", Long.toString(now.orders()), now.orders(), before.orders()),
                tile("merchants-active", Long.toString(now.merchantsActive()), now.merchantsActive(),
                        before.merchantsActive()),
                tile("stores-active", Long.toString(now.storesActive()), now.storesActive(), before.storesActive()),
                tile("new-members", Long.toString(now.newMembers()), now.newMembers(), before.newMembers()),
                tile("redemptions", Long.toString(now.redemptions()), now.redemptions(), before.redemptions()));
    }

    private static DashboardView.Tile tile(String key, String value, long now, long before) {
        return new DashboardView.Tile(key, value, DashboardView.change(now, before), now < before);
    }
}

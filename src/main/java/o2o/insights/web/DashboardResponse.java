package o2o.insights.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import o2o.insights.Dashboard;
import o2o.insights.Figures;
import org.jspecify.annotations.Nullable;

/** A merchant's dashboard: money in minor units (分, CNY), the repeat rate per thousand customers. */
record DashboardResponse(LocalDate from, LocalDate to, @Nullable UUID storeId, Totals totals, Totals previous,
        LocalDate previousFrom, LocalDate previousTo, List<Dashboard.DayChannel> byDay,
        List<Dashboard.ChannelSales> byChannel, List<Dashboard.TopItem> topItems,
        List<Dashboard.HourOrders> busiestHours) {

    record Totals(long orders, long grossMinor, long refundedMinor, long netMinor, long discountMinor,
            long averageTicketMinor, long redemptions, long newMembers, long customers, long newCustomers,
            long returningCustomers, long repeatCustomers, long repeatPerMille, long storedValueSoldMinor,
            long storedValueSpentMinor, long pointsIssued, long pointsRedeemed) {

        static Totals of(Figures f) {
            return new Totals(f.orders(), f.grossMinor(), f.refundedMinor(), f.netMinor(), f.discountMinor(),
                    f.averageTicketMinor(), f.redemptions(), f.newMembers(), f.customers(), f.newCustomers(),
                    f.returningCustomers(), f.repeatCustomers(), f.repeatPerMille(), f.storedValueSoldMinor(),
                    f.storedValueSpentMinor(), f.pointsIssued(), f.pointsRedeemed());
        }
    }

    static DashboardResponse of(Dashboard d, @Nullable UUID storeId) {
        return new DashboardResponse(d.period().from(), d.period().to(), storeId, Totals.of(d.current()),
                Totals.of(d.previous()), d.previousPeriod().from(), d.previousPeriod().to(), d.byDay(),
                d.byChannel(), d.topItems(), d.hours());
    }
}

package o2o.insights;

import java.time.LocalDate;
import java.util.List;

/** A merchant's dashboard: the period's figures against the previous period of equal length, and its tables. */
public record Dashboard(Period period, Period previousPeriod, Figures current, Figures previous,
        List<DayChannel> byDay, List<ChannelSales> byChannel, List<TopItem> topItems, List<HourOrders> hours) {

    /** One channel's sales on one day. */
    public record DayChannel(LocalDate day, SalesChannel channel, long orders, long grossMinor, long refundedMinor) {}

    public record ChannelSales(SalesChannel channel, long orders, long grossMinor, long refundedMinor) {}

    public record TopItem(String title, long quantity, long amountMinor) {}

    /** Orders paid in this hour of the day (0-23), over the period. */
    public record HourOrders(int hour, long orders) {}

    public static final int TOP_ITEMS = 10;
}

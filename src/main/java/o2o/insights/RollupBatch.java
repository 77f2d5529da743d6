package o2o.insights;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.insights.persistence.Rollups;
import o2o.insights.persistence.Rollups.DayRow;
import o2o.insights.persistence.Rollups.HourRow;
import o2o.insights.persistence.Rollups.ItemRow;
import o2o.insights.persistence.Rollups.RedemptionRow;
import o2o.insights.persistence.Rollups.SalesRow;

/**
 * Facts added up in memory the way the rollups count them: sales by day, store, channel and city (refunds on the day
 * they happen); by hour; by item title; redemptions by store; new members, stored value and points by day; known
 * customers' orders by day. A batch of a thousand facts, or a million sales of history, becomes a few rows per table,
 * written with one statement each ({@link #writeTo}).
 */
final class RollupBatch {

    private record SalesKey(UUID merchant, LocalDate day, UUID store, String channel, String city) {}

    private record StoreKey(UUID merchant, LocalDate day, UUID store) {}

    private record HourKey(UUID merchant, LocalDate day, UUID store, int hour) {}

    private record ItemKey(UUID merchant, LocalDate day, UUID store, String title) {}

    private record DayKey(UUID merchant, LocalDate day) {}

    private final Map<SalesKey, long[]> sales = new HashMap<>();
    private final Map<HourKey, long[]> hours = new HashMap<>();
    private final Map<ItemKey, long[]> items = new HashMap<>();
    private final Map<StoreKey, long[]> redemptions = new HashMap<>();
    private final Map<DayKey, long[]> members = new HashMap<>();
    private final Map<DayKey, long[]> storedValue = new HashMap<>();
    private final Map<DayKey, long[]> points = new HashMap<>();
    private final Map<CustomerNumbering.CustomerDay, long[]> customers = new HashMap<>();

    void sale(HistoricSale sale) {
        var merchant = sale.merchant().value();
        var at = sale.paidAt().atZone(Period.ZONE);
        var day = at.toLocalDate();
        var store = sale.store() == null ? Rollups.NO_STORE : sale.store().value();
        var s = sales.computeIfAbsent(new SalesKey(merchant, day, store, sale.channel().name(), sale.city()),
                k -> new long[4]);
        s[0]++;
        s[1] += sale.totalMinor();
        s[2] += sale.discountMinor();
        hours.computeIfAbsent(new HourKey(merchant, day, store, at.getHour()), k -> new long[1])[0]++;
        for (var line : sale.lines()) {
            var i = items.computeIfAbsent(new ItemKey(merchant, day, store, line.title()), k -> new long[2]);
            i[0] += line.quantity();
            i[1] += line.amountMinor();
        }
        if (sale.customer() != null) {
            customers.computeIfAbsent(new CustomerNumbering.CustomerDay(merchant, day, sale.customer().value()),
                    k -> new long[1])[0]++;
        }
    }

    /** Part of a sale went back: against the sale's store, channel and city, on the refund's day. */
    void refund(UUID merchant, LocalDate day, UUID store, SalesChannel channel, String city, long amountMinor) {
        sales.computeIfAbsent(new SalesKey(merchant, day, store, channel.name(), city), k -> new long[4])[3] +=
                amountMinor;
    }

    /** Redemptions made, or (a negative count) undone. */
    void redemptions(UUID merchant, LocalDate day, UUID store, long count) {
        redemptions.computeIfAbsent(new StoreKey(merchant, day, store), k -> new long[1])[0] += count;
    }

    void member(UUID merchant, LocalDate day) {
        members.computeIfAbsent(new DayKey(merchant, day), k -> new long[2])[0]++;
    }

    void storedValue(UUID merchant, LocalDate day, long soldMinor, long spentMinor) {
        var v = storedValue.computeIfAbsent(new DayKey(merchant, day), k -> new long[2]);
        v[0] += soldMinor;
        v[1] += spentMinor;
    }

    void points(UUID merchant, LocalDate day, long issued, long redeemed) {
        var p = points.computeIfAbsent(new DayKey(merchant, day), k -> new long[2]);
        p[0] += issued;
        p[1] += redeemed;
    }

    void writeTo(Rollups rollups, CustomerNumbering numbering) {
        rollups.addSales(sales.entrySet().stream().map(e -> new SalesRow(e.getKey().merchant(), e.getKey().day(),
                e.getKey().store(), e.getKey().channel(), e.getKey().city(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3])).toList());
        rollups.addHours(hours.entrySet().stream().map(e -> new HourRow(e.getKey().merchant(), e.getKey().day(),
                e.getKey().store(), e.getKey().hour(), e.getValue()[0])).toList());
        rollups.addItems(items.entrySet().stream().map(e -> new ItemRow(e.getKey().merchant(), e.getKey().day(),
                e.getKey().store(), e.getKey().title(), e.getValue()[0], e.getValue()[1])).toList());
        rollups.addRedemptions(redemptions.entrySet().stream().map(e -> new RedemptionRow(e.getKey().merchant(),
                e.getKey().day(), e.getKey().store(), e.getValue()[0])).toList());
        rollups.addMembers(dayRows(members));
        rollups.addStoredValue(dayRows(storedValue));
        rollups.addPoints(dayRows(points));
        var orders = new HashMap<CustomerNumbering.CustomerDay, Long>();
        customers.forEach((key, n) -> orders.put(key, n[0]));
        numbering.add(orders);
    }

    private static List<DayRow> dayRows(Map<DayKey, long[]> days) {
        return days.entrySet().stream().map(e -> new DayRow(e.getKey().merchant(), e.getKey().day(), e.getValue()[0],
                e.getValue()[1])).toList();
    }
}

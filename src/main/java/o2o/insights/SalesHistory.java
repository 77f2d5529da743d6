package o2o.insights;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.insights.persistence.HistoryRollups.CustomerDay;
import o2o.insights.persistence.HistoryRollups.HourRow;
import o2o.insights.persistence.HistoryRollups.ItemRow;
import o2o.insights.persistence.HistoryRollups.SalesRow;
import o2o.insights.persistence.Rollups;

/**
 * Past sales added up in memory the way the projection adds them one by one: by day, store, channel and city; by
 * hour; by item title; by known customer and day. A million sales become a few thousand rows to write.
 */
final class SalesHistory {

    private record SalesKey(UUID merchant, LocalDate day, UUID store, String channel, String city) {}

    private record HourKey(UUID merchant, LocalDate day, UUID store, int hour) {}

    private record ItemKey(UUID merchant, LocalDate day, UUID store, String title) {}

    private record CustomerKey(UUID merchant, LocalDate day, UUID customer) {}

    private final Map<SalesKey, long[]> sales = new HashMap<>();
    private final Map<HourKey, long[]> hours = new HashMap<>();
    private final Map<ItemKey, long[]> items = new HashMap<>();
    private final Map<CustomerKey, long[]> customers = new HashMap<>();

    void add(HistoricSale sale) {
        var merchant = sale.merchant().value();
        var at = sale.paidAt().atZone(Period.ZONE);
        var day = at.toLocalDate();
        var store = sale.store() == null ? Rollups.NO_STORE : sale.store().value();
        var s = sales.computeIfAbsent(new SalesKey(merchant, day, store, sale.channel().name(), sale.city()),
                k -> new long[3]);
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
            customers.computeIfAbsent(new CustomerKey(merchant, day, sale.customer().value()), k -> new long[1])[0]++;
        }
    }

    List<SalesRow> sales() {
        return sales.entrySet().stream().map(e -> new SalesRow(e.getKey().merchant(), e.getKey().day(),
                e.getKey().store(), e.getKey().channel(), e.getKey().city(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }

    List<HourRow> hours() {
        return hours.entrySet().stream().map(e -> new HourRow(e.getKey().merchant(), e.getKey().day(),
                e.getKey().store(), e.getKey().hour(), e.getValue()[0])).toList();
    }

    List<ItemRow> items() {
        return items.entrySet().stream().map(e -> new ItemRow(e.getKey().merchant(), e.getKey().day(),
                e.getKey().store(), e.getKey().title(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Known customers' orders by day; the first order day of each customer is the least of their days. */
    List<CustomerDay> customerDays() {
        return customers.entrySet().stream().map(e -> new CustomerDay(e.getKey().merchant(), e.getKey().day(),
                e.getKey().customer(), e.getValue()[0])).toList();
    }
}

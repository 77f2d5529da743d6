package o2o.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.insights.persistence.Rollups;
import o2o.orders.OrderLine;

/**
 * How a paid order counts: its channel, the store it was for (the nil store for a deal valid in several), the city it
 * counts in, and its lines added up by title.
 */
record Sale(SalesChannel channel, UUID storeId, String city, long discountMinor, Map<String, Rollups.Item> items) {

    static Map<String, Rollups.Item> itemsOf(List<OrderLine> lines) {
        var items = new LinkedHashMap<String, Rollups.Item>();
        for (var line : lines) {
            items.merge(line.title(), new Rollups.Item(line.quantity(), line.amount().minor()),
                    (a, b) -> new Rollups.Item(a.quantity() + b.quantity(), a.amountMinor() + b.amountMinor()));
        }
        return items;
    }
}

package o2o.insights;

import java.time.Instant;
import java.util.List;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A past paid sale, for {@link InsightsImport}: what the dashboards count of an order that was never announced by an
 * event (history from another system, demo data).
 *
 * @param store    the store it was for, null for a deal valid in several (counted under the nil store)
 * @param city     the city it counts in
 * @param customer the known customer, null for a walk-in
 */
public record HistoricSale(OrderId order, MerchantId merchant, @Nullable StoreId store, String city,
        SalesChannel channel, Instant paidAt, long totalMinor, long discountMinor, List<Line> lines,
        @Nullable CustomerId customer) {

    /** One line of the sale: lines of the same title are added up. */
    public record Line(String title, long quantity, long amountMinor) {}

    public HistoricSale {
        if (totalMinor < 0 || discountMinor < 0) throw new IllegalArgumentException("a sale's amounts are not negative");
        lines = List.copyOf(lines);
    }
}

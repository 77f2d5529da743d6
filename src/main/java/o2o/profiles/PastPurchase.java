package o2o.profiles;

import java.time.Instant;
import java.util.List;

import o2o.orders.Channel;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A member's past paid order, for {@link ProfileImport}: what a profile counts of an order no event announced.
 *
 * @param store the store it was for; null for a deal valid in several
 */
public record PastPurchase(OrderId order, MerchantId merchant, CustomerId customer, @Nullable StoreId store,
        Channel channel, Instant paidAt, long totalMinor, List<Line> lines) {

    /** One line of the order. */
    public record Line(String title, long quantity, long amountMinor) {}

    public PastPurchase {
        if (totalMinor < 0) throw new IllegalArgumentException("an order's total is not negative");
        lines = List.copyOf(lines);
    }
}

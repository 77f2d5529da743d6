package o2o.pickup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import o2o.orders.Order;
import org.jspecify.annotations.Nullable;

/**
 * A pick-up order with its order (lines, totals, payment state).
 *
 * @param number the store's number of the day, once paid; a refunded order keeps it, so it is never given twice
 * @param pickupAt when it is to be collected; for "as soon as possible" the time it was placed plus the preparation
 */
public record PickupOrder(UUID orderId, UUID merchantId, UUID storeId, String storeName, PickupStatus status,
        boolean asap, Instant pickupAt, String note, @Nullable Integer number, @Nullable LocalDate numberDay,
        Instant placedAt, @Nullable Instant paidAt, @Nullable Instant readyAt, @Nullable Instant handedOverAt,
        Order order) {

    /** The number as called out and shown: 007. */
    public @Nullable String displayNumber() {
        return number == null ? null : format(number);
    }

    static String format(int number) {
        return String.format("%03d", number);
    }
}

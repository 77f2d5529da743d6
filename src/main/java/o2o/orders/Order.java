package o2o.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order of any channel; {@code customerId} is null only for a walk-in sale at a store's POS; {@code pointsUsed}
 * loyalty points paid {@code pointsValue} of it, already taken off the total; {@code storeId} is the store an order
 * priced from the menu is for; {@code offlineMethod} (CASH, CARD) how staff took its money at the counter.
 */
public record Order(UUID id, UUID merchantId, @Nullable UUID customerId, Channel channel, OrderStatus status,
        List<OrderLine> lines, Money subtotal, Money discount, Money total, Money refunded, @Nullable UUID couponId,
        Instant createdAt, Instant payBy, @Nullable Instant paidAt, long pointsUsed, Money pointsValue,
        @Nullable UUID storeId, @Nullable String offlineMethod) {}

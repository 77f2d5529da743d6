package o2o.orders;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * An order was cancelled before it was paid; what it held has been given back. Published inside the transaction that
 * cancels it, so a channel's module can give back what it reserved for the order in that transaction too.
 */
public record OrderCancelled(OrderId orderId, MerchantId merchantId, @Nullable CustomerId customerId, Channel channel,
        Instant at) {}

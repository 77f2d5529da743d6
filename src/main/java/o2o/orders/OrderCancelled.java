package o2o.orders;

import java.time.Instant;
import java.util.UUID;

/** An order was cancelled before it was paid; what it held has been given back. */
public record OrderCancelled(UUID orderId, UUID merchantId, UUID customerId, Instant at) {}

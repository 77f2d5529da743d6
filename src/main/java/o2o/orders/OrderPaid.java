package o2o.orders;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;

/** An order's money arrived; what was ordered is the order's lines ({@link Orders#lines}). */
public record OrderPaid(UUID orderId, UUID merchantId, UUID customerId, Channel channel, Money total, Instant at) {}

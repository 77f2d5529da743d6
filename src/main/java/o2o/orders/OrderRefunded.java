package o2o.orders;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;

/** Part or all of a paid order went back to the customer; {@code reference} names what (e.g. a voucher). */
public record OrderRefunded(UUID orderId, UUID merchantId, UUID customerId, Money amount, Money orderTotal,
        String reference, Instant at) {}

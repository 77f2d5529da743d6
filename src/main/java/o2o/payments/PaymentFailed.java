package o2o.payments;

import java.time.Instant;
import java.util.UUID;

/** The payer gave up or the provider declined; the order can be paid again. */
public record PaymentFailed(UUID paymentId, UUID orderId, Instant at) {}

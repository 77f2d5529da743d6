package o2o.payments;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;

/** The provider confirmed the money arrived. */
public record PaymentSucceeded(UUID paymentId, UUID orderId, UUID merchantId, Money amount, Instant at) {}

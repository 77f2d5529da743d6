package o2o.payments;

import java.time.Instant;

import o2o.shared.OrderId;


/** The payer gave up or the provider declined; the order can be paid again. */
public record PaymentFailed(PaymentId paymentId, OrderId orderId, Instant at) {}

package o2o.payments;

import java.time.Instant;

import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/** The provider confirmed the money arrived. */
public record PaymentSucceeded(PaymentId paymentId, OrderId orderId, MerchantId merchantId, Money amount, Instant at) {}

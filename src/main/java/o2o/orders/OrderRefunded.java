package o2o.orders;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * Part or all of a paid order went back to the customer; {@code reference} names what (e.g. a voucher). A walk-in's
 * order has no {@code customerId}: its refund still counts in the merchant's figures.
 */
public record OrderRefunded(OrderId orderId, MerchantId merchantId, @Nullable CustomerId customerId, Money amount,
        Money orderTotal, String reference, Instant at) {}

package o2o.orders;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/** Part or all of a paid order went back to the customer; {@code reference} names what (e.g. a voucher). */
public record OrderRefunded(OrderId orderId, MerchantId merchantId, CustomerId customerId, Money amount,
        Money orderTotal, String reference, Instant at) {}

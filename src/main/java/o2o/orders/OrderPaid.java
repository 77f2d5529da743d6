package o2o.orders;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/** An order's money arrived; what was ordered is the order's lines ({@link Orders#lines}). */
public record OrderPaid(OrderId orderId, MerchantId merchantId, CustomerId customerId, Channel channel, Money total,
        Instant at) {}

package o2o.orders;

import java.time.Instant;

import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/**
 * A walk-in's order (a table share nobody signed in for) was paid by a gateway, e.g. by a QR code shown at the counter.
 * Apart from {@link OrderPaid}, which always names a customer to credit.
 */
public record WalkInOrderPaid(OrderId orderId, MerchantId merchantId, Channel channel, Money total, Instant at) {}

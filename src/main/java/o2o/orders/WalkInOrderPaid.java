package o2o.orders;

import java.time.Instant;

import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/**
 * A walk-in's order was paid: a table share nobody signed in for, paid by a gateway (e.g. a QR code shown at the
 * counter) or in cash or by card at the counter, or a POS sale to nobody known. Apart from {@link OrderPaid}, which
 * always names a customer to credit.
 */
public record WalkInOrderPaid(OrderId orderId, MerchantId merchantId, Channel channel, Money total, Instant at) {}

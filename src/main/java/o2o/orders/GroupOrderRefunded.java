package o2o.orders;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/**
 * Part or all of an order paid with its group went back from the group's payment (beside its {@link OrderRefunded}):
 * what the payee collected for the merchant shrinks by {@code amount}. Only grouped orders make this event.
 */
public record GroupOrderRefunded(UUID groupId, MerchantId payee, OrderId orderId, MerchantId merchantId, Money amount,
        Money orderTotal, String reference, Instant at) {}

package o2o.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;

/**
 * A group's payment arrived and these of its orders were marked paid (each also has its own {@link OrderPaid}); the
 * payee collected their totals for their merchants. Only grouped orders make this event.
 */
public record OrderGroupPaid(UUID groupId, MerchantId payee, CustomerId customerId, List<Share> shares, Instant at) {

    public OrderGroupPaid {
        shares = List.copyOf(shares);
    }

    /** One order of the group and what its merchant is owed for it. */
    public record Share(OrderId orderId, MerchantId merchantId, Money total) {}
}

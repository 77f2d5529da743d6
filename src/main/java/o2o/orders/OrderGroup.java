package o2o.orders;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;

/**
 * Orders of several merchants a customer pays at once (a mall's one cart across its tenants): one payment of
 * {@code total} names the group as its order, and {@code payee} collects it for every order of the group. Each order
 * keeps its own life: it is marked paid with its own {@link OrderPaid}, and refunded on its own, from the group's
 * payment.
 */
public record OrderGroup(UUID id, CustomerId customerId, MerchantId payee, String title, Money total,
        Instant createdAt) {}

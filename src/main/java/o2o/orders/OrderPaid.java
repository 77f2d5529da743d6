package o2o.orders;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** An order's money arrived. For deal orders it names the deal and how many units, for the vouchers to issue. */
public record OrderPaid(UUID orderId, UUID merchantId, UUID customerId, Channel channel, @Nullable UUID dealId,
        int quantity, Money total, Instant at) {}

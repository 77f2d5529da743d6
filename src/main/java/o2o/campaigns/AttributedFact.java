package o2o.campaigns;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One attributed fact as the projection keeps it.
 *
 * @param factId       what makes it once: the order, redemption or table scan; a refund's order and reference; a
 *                     membership's customer
 * @param amountMinor  an order's total, a refund as a negative amount, zero for the other kinds
 * @param discountMinor what an order gave away (its discount and the value of the points it was paid with)
 */
public record AttributedFact(FactKind kind, String factId, UUID merchantId, @Nullable UUID customerId,
        Attribution attribution, long amountMinor, long discountMinor, Currency currency, @Nullable UUID orderId,
        @Nullable String orderChannel, @Nullable UUID storeId, Instant occurredAt) {}

package o2o.reviews;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A past review of an imported (completed) order, for bulk import (another system's history, demo data), with the
 * merchant's reply and whether a flagged one was resolved.
 */
public record ImportedReview(MerchantId merchantId, StoreId storeId, OrderId orderId, CustomerId customerId,
        ReviewContent content, Instant createdAt, @Nullable String reply, boolean resolved) {}

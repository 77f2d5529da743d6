package o2o.loyalty;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;

/** A member earned points with a paid order at this merchant; published once per ledger {@code reference}. */
public record PointsEarned(MerchantId merchantId, CustomerId customerId, long points, Instant at, String reference) {}

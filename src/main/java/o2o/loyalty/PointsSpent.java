package o2o.loyalty;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;

/**
 * A member spent points at this merchant (at checkout, at the counter, in the points mall); published once per ledger
 * {@code reference}.
 */
public record PointsSpent(MerchantId merchantId, CustomerId customerId, long points, Instant at, String reference) {}

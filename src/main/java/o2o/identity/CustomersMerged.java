package o2o.identity;

import java.time.Instant;

import o2o.shared.CustomerId;

/**
 * The source customer became the target: every module moves what the source held (orders, vouchers, coupons,
 * memberships, balances) to the target. Listeners must be idempotent; the event may be delivered again.
 */
public record CustomersMerged(CustomerId sourceId, CustomerId targetId, Instant at) {}

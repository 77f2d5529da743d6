package o2o.loyalty;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;

/** A past order whose points are brought in with it: who paid, how much, when. */
public record ImportedEarning(UUID orderId, UUID customerId, Money paid, Instant paidAt) {}

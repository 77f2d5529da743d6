package o2o.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A customer in a merchant's membership, and the program whose points they collect there. */
public record Membership(UUID merchantId, UUID customerId, UUID programId, String channel, Instant joinedAt) {}

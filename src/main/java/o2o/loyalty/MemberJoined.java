package o2o.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A customer became a member of a merchant now (joining again publishes nothing). */
public record MemberJoined(UUID merchantId, UUID customerId, String channel, Instant at) {}

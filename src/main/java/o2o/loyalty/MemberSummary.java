package o2o.loyalty;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A member as the counter sees them: who (phone masked), since when, and their points here. */
public record MemberSummary(UUID customerId, String phone, @Nullable String name, Instant joinedAt, String channel,
        long points, @Nullable Tier tier) {}

package o2o.merchants;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A business on the platform: a restaurant brand, a salon, a shop; it owns stores. */
public record Merchant(UUID id, String name, String category, String contactName, String contactPhone,
        MerchantStatus status, @Nullable String rejectionReason, Instant appliedAt, @Nullable Instant decidedAt) {}

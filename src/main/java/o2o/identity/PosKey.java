package o2o.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A store's POS API key as the console lists it: never its secret. */
public record PosKey(UUID id, UUID merchantId, UUID storeId, String name, String hint, Instant createdAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** A key just made, with the one and only copy of its full text. */
    public record Issued(PosKey key, String secret) {}
}

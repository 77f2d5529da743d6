package o2o.pos.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.identity.PosKey;
import org.jspecify.annotations.Nullable;

@Schema(name = "PosKeyKeyResponse")
record KeyResponse(UUID id, UUID storeId, String name, String hint, String createdAt, @Nullable String lastUsedAt,
        @Nullable String revokedAt) {

    static KeyResponse of(PosKey key) {
        return new KeyResponse(key.id(), key.storeId(), key.name(), key.hint(), key.createdAt().toString(),
                key.lastUsedAt() == null ? null : key.lastUsedAt().toString(),
                key.revokedAt() == null ? null : key.revokedAt().toString());
    }
}

package o2o.identity;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A staff account as others may see it: never its password hash. */
public record StaffMember(UUID id, @Nullable UUID merchantId, String username, String displayName, Role role,
        Set<UUID> storeIds, boolean enabled) {}

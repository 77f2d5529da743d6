package o2o.identity;

import java.util.Set;
import java.util.UUID;

/** A staff account to open for a merchant; the password arrives in plain text and is hashed before it is stored. */
public record NewStaff(UUID merchantId, String username, String password, String displayName, Role role,
        Set<UUID> storeIds) {

    public NewStaff {
        if (!Role.STAFF.contains(role)) throw new IllegalArgumentException("not a staff role: " + role);
        storeIds = Set.copyOf(storeIds);
    }
}

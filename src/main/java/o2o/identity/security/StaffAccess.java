package o2o.identity.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.AfterTransaction;
import o2o.shared.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a staff account may do right now — enabled, role, stores, token epoch — read by primary key and kept for a
 * few seconds ({@code o2o.identity.staff-access-ttl}, default 5 s). Every staff request (token or console session) is
 * checked against it, so a disabled account or a changed role takes effect on the next request on this node (the
 * change forgets the entry) and within the TTL on any other node, at the cost of one map lookup per request.
 */
@Component
public class StaffAccess {

    /** The account as it is now; {@code epoch} must equal the one its token or session was issued under. */
    public record Current(@Nullable UUID merchantId, String username, Role role, Set<UUID> storeIds, boolean enabled,
            int epoch) {

        StaffPrincipal principal(UUID staffId) {
            return new StaffPrincipal(staffId, username, merchantId, role, storeIds);
        }

        boolean grants(StaffPrincipal presented) {
            return role == presented.role() && storeIds.equals(presented.storeIds())
                    && Objects.equals(merchantId, presented.merchantId());
        }
    }

    private final JdbcClient jdbc;
    private final Cache<UUID, Optional<Current>> cache;

    StaffAccess(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.staffAccessTtl())
                .maximumSize(100_000)
                .build();
    }

    /** From the cache: for checking requests. */
    Optional<Current> current(UUID staffId) {
        return cache.get(staffId, this::load);
    }

    /** From the database, bypassing (and refreshing) the cache: for issuing a token. */
    Optional<Current> fresh(UUID staffId) {
        var now = load(staffId);
        cache.put(staffId, now);
        return now;
    }

    /**
     * Drops the account's entry now and again after the surrounding transaction commits, so that a request racing
     * the change cannot put the old state back for a whole TTL.
     */
    public void forget(UUID staffId) {
        AfterTransaction.nowAndAtEnd(() -> cache.invalidate(staffId));
    }

    private Optional<Current> load(UUID staffId) {
        return jdbc.sql("""
                        select merchant_id, username, role, store_ids, enabled, token_epoch
                        from staff_account where id = :id
                        """)
                .param("id", staffId)
                .query((rs, row) -> new Current(rs.getObject("merchant_id", UUID.class), rs.getString("username"),
                        Role.valueOf(rs.getString("role")), SqlArrays.uuids(rs.getArray("store_ids")),
                        rs.getBoolean("enabled"), rs.getInt("token_epoch")))
                .optional();
    }
}

package o2o.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.Problem;
import o2o.shared.SqlArrays;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for staff and operator accounts. */
@Service
public class StaffAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public StaffMember open(NewStaff staff) {
        var id = Ids.next();
        insert(id, staff.merchantId(), staff.username(), passwords.encode(staff.password()), staff.displayName(),
                staff.role(), staff.storeIds());
        return new StaffMember(id, staff.merchantId(), staff.username(), staff.displayName(), staff.role(),
                staff.storeIds(), true);
    }

    /** Creates the platform operator account unless an account with that username exists. */
    @Transactional
    public void ensureOperator(String username, String password) {
        jdbc.sql("""
                        insert into staff_account (id, merchant_id, username, password_hash, display_name, role,
                                                   store_ids, enabled, created_at)
                        values (:id, null, :username, :hash, :username, 'OPERATOR', '{}', true, :now)
                        on conflict (username) do nothing
                        """)
                .param("id", Ids.next())
                .param("username", username)
                .param("hash", passwords.encode(password))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Opens many accounts that share one password, hashing it once: bulk onboarding and demo data, where hashing
     * per account would dominate.
     */
    @Transactional
    public void openAll(List<NewStaff> staff, String sharedPassword) {
        var hash = passwords.encode(sharedPassword);
        for (var s : staff) {
            if (!s.password().equals(sharedPassword)) throw new IllegalArgumentException("passwords differ");
            insert(Ids.next(), s.merchantId(), s.username(), hash, s.displayName(), s.role(), s.storeIds());
        }
    }

    @Transactional(readOnly = true)
    public List<StaffMember> ofMerchant(UUID merchantId) {
        return jdbc.sql("""
                        select id, merchant_id, username, display_name, role, store_ids, enabled
                        from staff_account where merchant_id = :merchant order by created_at, id
                        """)
                .param("merchant", merchantId)
                .query(StaffAccounts::member)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> byUsername(String username) {
        return jdbc.sql("""
                        select id, merchant_id, username, display_name, role, store_ids, enabled
                        from staff_account where username = :username
                        """)
                .param("username", username)
                .query(StaffAccounts::member)
                .optional();
    }

    private void insert(UUID id, UUID merchantId, String username, String hash, String displayName, Role role,
            Set<UUID> storeIds) {
        try {
            jdbc.sql("""
                            insert into staff_account (id, merchant_id, username, password_hash, display_name, role,
                                                       store_ids, enabled, created_at)
                            values (:id, :merchant, :username, :hash, :name, :role, :stores, true, :now)
                            """)
                    .param("id", id)
                    .param("merchant", merchantId)
                    .param("username", username)
                    .param("hash", hash)
                    .param("name", displayName)
                    .param("role", role.name())
                    .param("stores", storeIds.toArray(UUID[]::new))
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("username-taken", "username " + username + " is taken");
        }
    }

    static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                SqlArrays.uuids(rs.getArray("store_ids")), rs.getBoolean("enabled"));
    }
}

package o2o.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.identity.security.StaffAccess;
import o2o.identity.security.WebSessions;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.SqlArrays;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for staff and operator accounts. Who may change whom is decided by the caller (merchants' Team);
 * here every change is scoped to one merchant, so another merchant's account is "not found". Disabling an account or
 * resetting its password ends its tokens on their next request and its console sessions at once, on every node
 * ({@link WebSessions}); a new role or store list applies from the next request (see {@link StaffAccess}).
 */
@Service
public class StaffAccounts {

    private static final String COLUMNS = "id, merchant_id, username, display_name, role, store_ids, enabled";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final StaffAccess access;
    private final WebSessions sessions;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, StaffAccess access, WebSessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.access = access;
        this.sessions = sessions;
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
    public Optional<StaffMember> find(MerchantId merchant, UUID staffId) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where merchant_id = :merchant and id = :id")
                .param("merchant", merchant.value())
                .param("id", staffId)
                .query(StaffAccounts::member)
                .optional();
    }

    /** A new display name, role and stores; the role must be a staff role. */
    @Transactional
    public StaffMember change(MerchantId merchant, UUID staffId, String displayName, Role role, Set<UUID> storeIds) {
        var merchantId = merchant.value();
        if (!Role.STAFF.contains(role)) throw new InvalidInput("role", "not a staff role");
        var updated = jdbc.sql("""
                        update staff_account set display_name = :name, role = :role, store_ids = :stores
                        where merchant_id = :merchant and id = :id
                        """)
                .param("name", displayName)
                .param("role", role.name())
                .param("stores", storeIds.toArray(UUID[]::new))
                .param("merchant", merchantId)
                .param("id", staffId)
                .update();
        return changed(merchant, staffId, updated);
    }

    /** A new password; the account's earlier tokens and sessions end. */
    @Transactional
    public StaffMember resetPassword(MerchantId merchant, UUID staffId, String password) {
        var merchantId = merchant.value();
        var updated = jdbc.sql("""
                        update staff_account set password_hash = :hash, token_epoch = token_epoch + 1
                        where merchant_id = :merchant and id = :id
                        """)
                .param("hash", passwords.encode(password))
                .param("merchant", merchantId)
                .param("id", staffId)
                .update();
        return signedOut(changed(merchant, staffId, updated));
    }

    /** The account can no longer sign in; its sessions end now and its tokens on their next request. */
    @Transactional
    public StaffMember disable(MerchantId merchant, UUID staffId) {
        var merchantId = merchant.value();
        var updated = jdbc.sql("""
                        update staff_account set enabled = false, token_epoch = token_epoch + 1
                        where merchant_id = :merchant and id = :id
                        """)
                .param("merchant", merchantId)
                .param("id", staffId)
                .update();
        return signedOut(changed(merchant, staffId, updated));
    }

    /** The account can sign in again; tokens from before it was disabled stay void. */
    @Transactional
    public StaffMember enable(MerchantId merchant, UUID staffId) {
        var merchantId = merchant.value();
        var updated = jdbc.sql("update staff_account set enabled = true where merchant_id = :merchant and id = :id")
                .param("merchant", merchantId)
                .param("id", staffId)
                .update();
        return changed(merchant, staffId, updated);
    }

    private StaffMember changed(MerchantId merchant, UUID staffId, int updated) {
        if (updated == 0) throw Problem.notFound("staff");
        access.forget(staffId);
        return find(merchant, staffId).orElseThrow();
    }

    /** Ends the member's console sessions on every node once the change commits. */
    private StaffMember signedOut(StaffMember member) {
        sessions.endAll(member.username());
        return member;
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

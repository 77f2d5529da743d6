package o2o.merchants;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.identity.NewStaff;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for a merchant's staff: owners and managers hire, scoped to some or all stores. */
@Service
public class Team {

    private final StaffAccounts accounts;
    private final JdbcClient jdbc;

    Team(StaffAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> of(StaffPrincipal actor) {
        requireManager(actor);
        return accounts.ofMerchant(actor.merchantId());
    }

    @Transactional
    public StaffMember hire(StaffPrincipal actor, String username, String password, String displayName, Role role,
            Set<UUID> storeIds) {
        requireManager(actor);
        if (!Role.STAFF.contains(role)) throw new InvalidInput("role", "not a staff role");
        if (role == Role.OWNER && actor.role() != Role.OWNER) throw Problem.forbidden("only an owner adds owners");
        if (!actor.storeIds().isEmpty() && (storeIds.isEmpty() || !actor.storeIds().containsAll(storeIds))) {
            throw Problem.forbidden("a store manager hires only for their own stores");
        }
        if (!storeIds.isEmpty()) {
            var owned = jdbc.sql("select count(*) from store where merchant_id = :merchant and id = any(:ids)")
                    .param("merchant", actor.merchantId())
                    .param("ids", storeIds.toArray(UUID[]::new))
                    .query(Long.class)
                    .single();
            if (owned != storeIds.size()) throw Problem.notFound("store");
        }
        return accounts.open(new NewStaff(actor.merchantId(), username, password, displayName, role, storeIds));
    }

    private static void requireManager(StaffPrincipal actor) {
        if (actor.merchantId() == null || !actor.role().manages()) {
            throw Problem.forbidden("only owners and managers manage staff");
        }
    }
}

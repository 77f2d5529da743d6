package o2o.merchants;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.identity.NewStaff;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for a merchant's staff. Owners and managers see the whole team. The owner adds, changes, resets
 * and disables anybody but themselves, and may make other owners. A manager does the same for the floor staff only
 * (cashiers, waiters, kitchen, couriers) — never for an owner or another manager, never granting a managing role —
 * and a manager limited to some stores only for staff of those stores. Stores must be the merchant's own; another
 * merchant's staff or store is "not found".
 */
@Service
public class Team {

    /** The roles a manager may give and whose holders a manager may change. */
    public static final Set<Role> FLOOR = EnumSet.of(Role.CASHIER, Role.WAITER, Role.KITCHEN, Role.COURIER);

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,40}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final StaffAccounts accounts;
    private final Stores stores;

    Team(StaffAccounts accounts, Stores stores) {
        this.accounts = accounts;
        this.stores = stores;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> of(StaffPrincipal actor) {
        requireManager(actor);
        return accounts.ofMerchant(actor.merchantId());
    }

    @Transactional(readOnly = true)
    public StaffMember member(StaffPrincipal actor, UUID staffId) {
        requireManager(actor);
        return accounts.find(new MerchantId(actor.merchantId()), staffId).orElseThrow(() -> Problem.notFound("staff"));
    }

    /** The roles this person may give. */
    public Set<Role> assignableRoles(StaffPrincipal actor) {
        return actor.role() == Role.OWNER ? EnumSet.copyOf(Role.STAFF) : EnumSet.copyOf(FLOOR);
    }

    /** True when this person may change that member (not themselves; a manager only their floor staff). */
    public boolean mayChange(StaffPrincipal actor, StaffMember member) {
        if (member.id().equals(actor.staffId())) return false;
        if (actor.role() == Role.OWNER) return true;
        return actor.role() == Role.MANAGER && FLOOR.contains(member.role()) && withinStoresOf(actor, member.storeIds());
    }

    @Transactional
    public StaffMember hire(StaffPrincipal actor, String username, String password, String displayName, Role role,
            Set<UUID> storeIds) {
        requireManager(actor);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "3 to 40 letters, digits, '_', '.' or '-'");
        }
        var name = displayName(displayName);
        password(password);
        requireGrantable(actor, role, storeIds);
        return accounts.open(new NewStaff(actor.merchantId(), username, password, name, role, storeIds));
    }

    @Transactional
    public StaffMember change(StaffPrincipal actor, UUID staffId, String displayName, Role role, Set<UUID> storeIds) {
        var member = changeable(actor, staffId);
        var name = displayName(displayName);
        requireGrantable(actor, role, storeIds);
        return accounts.change(new MerchantId(actor.merchantId()), member.id(), name, role, storeIds);
    }

    @Transactional
    public StaffMember resetPassword(StaffPrincipal actor, UUID staffId, String password) {
        var member = changeable(actor, staffId);
        password(password);
        return accounts.resetPassword(new MerchantId(actor.merchantId()), member.id(), password);
    }

    @Transactional
    public StaffMember disable(StaffPrincipal actor, UUID staffId) {
        return accounts.disable(new MerchantId(actor.merchantId()), changeable(actor, staffId).id());
    }

    @Transactional
    public StaffMember enable(StaffPrincipal actor, UUID staffId) {
        return accounts.enable(new MerchantId(actor.merchantId()), changeable(actor, staffId).id());
    }

    private StaffMember changeable(StaffPrincipal actor, UUID staffId) {
        var member = member(actor, staffId);
        if (member.id().equals(actor.staffId())) {
            throw Problem.forbidden("nobody changes their own role, stores or access here");
        }
        if (!mayChange(actor, member)) throw Problem.forbidden("a manager changes only the floor staff of their stores");
        return member;
    }

    private void requireGrantable(StaffPrincipal actor, Role role, Set<UUID> storeIds) {
        if (role == null || !Role.STAFF.contains(role)) throw new InvalidInput("role", "not a staff role");
        if (!assignableRoles(actor).contains(role)) throw Problem.forbidden("only the owner gives this role");
        if (!withinStoresOf(actor, storeIds)) {
            throw Problem.forbidden("a store manager gives access only to their own stores");
        }
        if (storeIds.size() > 100 || storeIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("storeIds", "at most 100 stores, each an id");
        }
        storeIds.forEach(store -> stores.get(actor, store));
    }

    private static boolean withinStoresOf(StaffPrincipal actor, Set<UUID> storeIds) {
        return actor.storeIds().isEmpty() || (!storeIds.isEmpty() && actor.storeIds().containsAll(storeIds));
    }

    private static String displayName(String displayName) {
        var name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 40 || CONTROL.matcher(name).find()) {
            throw new InvalidInput("displayName", "1 to 40 characters, no control characters");
        }
        return name;
    }

    private static void password(String password) {
        if (password == null || password.length() < 8 || password.length() > 128 || password.indexOf('\0') >= 0) {
            throw new InvalidInput("password", "8 to 128 characters");
        }
    }

    private static void requireManager(StaffPrincipal actor) {
        if (actor.merchantId() == null || !actor.role().manages()) {
            throw Problem.forbidden("only owners and managers manage staff");
        }
    }
}

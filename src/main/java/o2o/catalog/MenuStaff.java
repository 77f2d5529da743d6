package o2o.catalog;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.Problem;

/** Who may do what to a menu: owners and managers write it, the store's service staff flip sold out. */
final class MenuStaff {

    /** Who may flip the sold-out switch during service. */
    private static final Set<Role> SERVICE = EnumSet.of(Role.OWNER, Role.MANAGER, Role.CASHIER, Role.WAITER,
            Role.KITCHEN);

    private MenuStaff() {}

    /** The staff member's merchant; 404 for staff of none. */
    static UUID merchantOf(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        return staff.merchantId();
    }

    /** The merchant whose menu this staff member may edit: owners and managers. */
    static UUID managedMerchant(StaffPrincipal staff) {
        var merchant = merchantOf(staff);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers edit the menu");
        return merchant;
    }

    static void requirePricing(StaffPrincipal staff) {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers set a store's prices");
    }

    static void requireService(StaffPrincipal staff) {
        if (!SERVICE.contains(staff.role())) throw Problem.forbidden("only the store's service staff mark sold out");
    }
}

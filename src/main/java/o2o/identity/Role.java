package o2o.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a signed-in person may do. Staff roles are scoped to one merchant; OPERATOR runs the platform. */
public enum Role {
    CUSTOMER, OWNER, MANAGER, CASHIER, WAITER, KITCHEN, COURIER, OPERATOR;

    public static final Set<Role> STAFF = EnumSet.of(OWNER, MANAGER, CASHIER, WAITER, KITCHEN, COURIER);

    /** Owners and managers run the merchant: stores, staff, deals, rules. */
    public boolean manages() {
        return this == OWNER || this == MANAGER;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static String[] staffRoleNames() {
        return STAFF.stream().map(Role::name).toArray(String[]::new);
    }
}

package o2o.identity.security;

import java.util.List;

import o2o.identity.CustomerPrincipal;
import o2o.identity.PosPrincipal;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated customer, staff member or store POS, however they proved it (token or web session). */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Object principal;
    /** For staff: the account's token epoch this was issued under (see {@link StaffAccess}). */
    private final int epoch;

    private ActorAuthentication(Object principal, String authority, int epoch) {
        super(List.of(new SimpleGrantedAuthority(authority)));
        this.principal = principal;
        this.epoch = epoch;
        setAuthenticated(true);
    }

    private ActorAuthentication(Object principal, String authority) {
        this(principal, authority, 0);
    }

    public static ActorAuthentication of(StaffPrincipal staff, int epoch) {
        return new ActorAuthentication(staff, staff.role().authority(), epoch);
    }

    int epoch() {
        return epoch;
    }

    public static ActorAuthentication of(CustomerPrincipal customer) {
        return new ActorAuthentication(customer, Role.CUSTOMER.authority());
    }

    public static ActorAuthentication of(PosPrincipal pos) {
        return new ActorAuthentication(pos, "ROLE_" + PosPrincipal.ROLE);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return switch (principal) {
            case StaffPrincipal staff -> staff.username();
            case CustomerPrincipal customer -> customer.customerId().toString();
            case PosPrincipal pos -> "pos:" + pos.keyId();
            default -> principal.toString();
        };
    }
}

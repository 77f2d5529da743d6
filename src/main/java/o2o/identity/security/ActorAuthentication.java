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

    private ActorAuthentication(Object principal, String authority) {
        super(List.of(new SimpleGrantedAuthority(authority)));
        this.principal = principal;
        setAuthenticated(true);
    }

    public static ActorAuthentication of(StaffPrincipal staff) {
        return new ActorAuthentication(staff, staff.role().authority());
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

package o2o.identity.security;

import java.util.List;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated customer or staff member, however they proved it (token or web session). */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Object principal;

    private ActorAuthentication(Object principal, Role role) {
        super(List.of(new SimpleGrantedAuthority(role.authority())));
        this.principal = principal;
        setAuthenticated(true);
    }

    public static ActorAuthentication of(StaffPrincipal staff) {
        return new ActorAuthentication(staff, staff.role());
    }

    public static ActorAuthentication of(CustomerPrincipal customer) {
        return new ActorAuthentication(customer, Role.CUSTOMER);
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
            default -> principal.toString();
        };
    }
}

package o2o.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a staff token or console session against the account as it is now ({@link StaffAccess}), after the caller
 * was authenticated and before anything is authorized. A disabled account, or one whose token epoch moved on
 * (disabled, password reset), continues as anonymous — so the API answers 401 and the console sends them to sign in —
 * and its console session is invalidated. A changed role or store list is applied to this request (the token's
 * claims are re-checked, not trusted), so a promotion keeps the session and a demotion bites at once. Customers and
 * POS keys pass untouched. Not a bean: it belongs to the two filter chains alone.
 */
class StaffAccessCheck extends OncePerRequestFilter {

    private final StaffAccess access;

    StaffAccessCheck(StaffAccess access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var presented = presented(authentication);
        if (presented != null) {
            var staff = presented.principal();
            var current = access.current(staff.staffId()).orElse(null);
            if (current == null || !current.enabled() || current.epoch() != presented.epoch()) {
                var session = request.getSession(false);
                if (session != null) session.invalidate();
                replace(new AnonymousAuthenticationToken("revoked", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            } else if (!current.grants(staff)) {
                replace(ActorAuthentication.of(current.principal(staff.staffId()), current.epoch()));
            }
        }
        chain.doFilter(request, response);
    }

    private static void replace(Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    private record Presented(StaffPrincipal principal, int epoch) {}

    private static @Nullable Presented presented(@Nullable Authentication authentication) {
        if (authentication == null) return null;
        if (authentication instanceof ActorAuthentication actor && actor.getPrincipal() instanceof StaffPrincipal staff) {
            return new Presented(staff, actor.epoch());
        }
        if (authentication.getPrincipal() instanceof StaffSignIn.StaffUser user) {
            return new Presented(user.principal(), user.epoch());
        }
        return null;
    }
}

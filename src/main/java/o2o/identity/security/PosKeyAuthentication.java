package o2o.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.PosKeys;
import o2o.shared.Problem;
import o2o.shared.web.ProblemResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a store's POS by its API key ({@code Authorization: Bearer o2opos_…} or {@code X-Api-Key}), checked
 * against the database on every request so a revoked key stops at once. A key opens {@code /api/v1/pos/**} only.
 * Not a bean: it belongs to the API filter chain alone.
 */
class PosKeyAuthentication extends OncePerRequestFilter {

    static final String POS_PATHS = "/api/v1/pos/";

    private final PosKeys keys;
    private final ProblemResponses problems;

    PosKeyAuthentication(PosKeys keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    /**
     * Leaves POS keys to this filter, so the JWT filter never tries to decode them. A well-formed {@code Bearer}
     * header is read by hand (Spring's resolver matches it against a case-insensitive regular expression, a few
     * percent of a short request's CPU); anything else goes to Spring's resolver (which, as configured, reads the
     * header only), whose answers and errors stay as they were.
     */
    static BearerTokenResolver jwtOnly() {
        var jwt = new DefaultBearerTokenResolver();
        return request -> {
            var token = wellFormed(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (token == null) token = jwt.resolve(request);
            return token != null && token.startsWith(PosKeys.PREFIX) ? null : token;
        };
    }

    /** The token of {@code Bearer <token>} as Spring's pattern accepts it ({@code [A-Za-z0-9-._~+/]+=*}), else null. */
    static @Nullable String wellFormed(@Nullable String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        int end = authorization.length();
        while (end > 7 && authorization.charAt(end - 1) == '=') end--;
        if (end == 7) return null;
        for (int i = 7; i < end; i++) {
            char c = authorization.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) return null;
        }
        return authorization.substring(7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var presented = presented(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var pos = keys.authenticate(presented);
        if (pos.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, new Problem(HttpStatus.UNAUTHORIZED, "pos-key-invalid",
                    "this POS API key is unknown or revoked"));
            return;
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + POS_PATHS)) {
            problems.write(request, response, new Problem(HttpStatus.FORBIDDEN, "pos-key-scope",
                    "a POS API key may call only /api/v1/pos/**"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ActorAuthentication.of(pos.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static @Nullable String presented(HttpServletRequest request) {
        var header = request.getHeader("X-Api-Key");
        if (header != null && !header.isBlank()) return header.strip();
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = authorization.substring(7).strip();
            if (token.startsWith(PosKeys.PREFIX)) return token;
        }
        return null;
    }
}

package o2o.shared.db;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Lets reading requests (GET, HEAD) read from the replica, and keeps a client that just wrote on the primary: a
 * writing request (any other method) reads and writes on the primary and leaves a short-lived cookie, and while the
 * client sends it back its reading requests stay on the primary too. So the page a form redirects to, or the list
 * an htmx post refreshes, shows what was just written, however far the replica lags; a client that keeps no cookies
 * (an API client with a bearer token) can read its write back from the replica a few milliseconds late.
 */
class ReplicaReadsFilter extends OncePerRequestFilter implements Ordered {

    static final String COOKIE = "O2O_PRIMARY";

    private final Duration ownWritesWindow;

    ReplicaReadsFilter(Duration ownWritesWindow) {
        this.ownWritesWindow = ownWritesWindow;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var method = request.getMethod();
        boolean reading = "GET".equals(method) || "HEAD".equals(method);
        if (!reading) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "1")
                    .path("/").maxAge(ownWritesWindow).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                    .build().toString());
            chain.doFilter(request, response);
        } else if (WebUtils.getCookie(request, COOKIE) != null) {
            chain.doFilter(request, response);
        } else {
            try (var replica = ReplicaReads.allow()) {
                chain.doFilter(request, response);
            }
        }
    }

    /** Before security and the rest, so that every read of the request is routed alike. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}

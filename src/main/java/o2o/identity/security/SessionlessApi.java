package o2o.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API is stateless, so an API call never reads the page session its browser's cookie names: asked for the
 * session that exists, the request answers none. Without this, a browser's call to the API would load its session
 * from PostgreSQL and write it back (Spring MVC looks for flash messages in every request's session). Not a bean: it
 * belongs to the API's filter chain alone.
 */
class SessionlessApi extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public @Nullable HttpSession getSession(boolean create) {
                return create ? super.getSession(true) : null;
            }
        }, response);
    }
}

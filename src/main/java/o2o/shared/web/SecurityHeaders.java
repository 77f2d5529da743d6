package o2o.shared.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a page may do in the browser. Scripts come only from this site's files (no inline script, no eval: htmx runs
 * with {@code allowEval} off), nothing may frame a page, links leave no address behind them outside the site, and the
 * camera is offered only to the counter's scanning pages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders extends OncePerRequestFilter {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // htmx and a few pages set style attributes at run time; styles cannot run code
            "style-src 'self' 'unsafe-inline'",
            // merchants' menu and deal pictures live on their own image hosts; an image cannot run code
            "img-src 'self' data: blob: https:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "media-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'");

    /** The pages that scan a QR code with the counter's camera. */
    static final Set<String> SCANNING = Set.of("/merchant/redeem", "/merchant/members/lookup");

    private static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(self), payment=(), usb=()";
    private static final String PERMISSIONS_SCANNING = PERMISSIONS.replace("camera=()", "camera=(self)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy",
                SCANNING.contains(request.getRequestURI()) ? PERMISSIONS_SCANNING : PERMISSIONS);
        chain.doFilter(request, response);
    }
}

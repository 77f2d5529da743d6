package o2o.campaigns.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.campaigns.Device;
import o2o.campaigns.Scans;
import o2o.identity.CustomerPrincipal;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A tracking code's short link, {@code /c/{code}}, open to anyone: records the scan with the visitor's anonymous id
 * (a long-lived cookie set on the first scan), the customer when signed in and the device, then lands on the code's
 * page. Scans are limited per client address so the link cannot be used to flood the table.
 */
@Controller
class ShortLinkPages {

    static final String VISITOR_COOKIE = "o2o_vid";
    private static final int VISITOR_COOKIE_AGE = (int) Duration.ofDays(730).toSeconds();
    static final RateLimits.Limit SCANS = new RateLimits.Limit("campaign-scans", 120, Duration.ofMinutes(1));

    private final Scans scans;
    private final RateLimits limits;

    ShortLinkPages(Scans scans, RateLimits limits) {
        this.scans = scans;
        this.limits = limits;
    }

    @GetMapping("/c/{code}")
    String open(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        limits.check(SCANS, ClientAddress.of(request));
        var customer = authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal c
                ? c.id() : null;
        var landing = scans.scan(code, visitor(request, response), customer,
                Device.of(request.getHeader(HttpHeaders.USER_AGENT)))
                .orElseThrow(() -> Problem.notFound("tracking-code"));
        return "redirect:" + landing;
    }

    /** The visitor's anonymous id: the cookie's, or a new one the cookie keeps from now on. */
    private static UUID visitor(HttpServletRequest request, HttpServletResponse response) {
        var known = VisitorBinding.visitorOf(request);
        if (known != null) return known;
        var visitor = UUID.randomUUID();
        var cookie = new Cookie(VISITOR_COOKIE, visitor.toString());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(VISITOR_COOKIE_AGE);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
        return visitor;
    }
}

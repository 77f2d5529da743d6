package o2o.campaigns.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.campaigns.Scans;
import o2o.identity.CustomerPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request from a signed-in customer that carries the visitor cookie of the short links binds that visitor's
 * earlier anonymous scans to the customer: signing in, joining or ordering on the phone that scanned a poster makes
 * what follows the poster's campaign's. {@link Scans#bind} does the work once per visitor and customer on a node.
 */
@Configuration
class VisitorBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final Scans scans;

    VisitorBinding(Scans scans) {
        this.scans = scans;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/images/**",
                "/favicon.ico", "/c/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CustomerPrincipal customer)) {
            return true;
        }
        var visitor = visitorOf(request);
        if (visitor != null) scans.bind(visitor, customer.id());
        return true;
    }

    static @Nullable UUID visitorOf(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (var cookie : request.getCookies()) {
            if (cookie.getName().equals(ShortLinkPages.VISITOR_COOKIE) && cookie.getValue().matches("[0-9a-f-]{36}")) {
                try {
                    return UUID.fromString(cookie.getValue());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}

package o2o.payments.sandbox;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where the sandbox is off, its paths do not exist: 404 before anything else looks at the request (a POST to its
 * confirm button would otherwise meet the CSRF check first and answer 403, hinting that something is there).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "o2o.payments.sandbox.enabled", havingValue = false, matchIfMissing = true)
class SandboxOff {

    @Bean
    FilterRegistrationBean<Filter> sandboxNotFound() {
        Filter notFound = (request, response, chain) -> ((HttpServletResponse) response).sendError(404);
        var registration = new FilterRegistrationBean<>(notFound);
        registration.addUrlPatterns("/sandbox/*", "/api/v1/payments/webhooks/sandbox");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

package o2o.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a browser in to the site as a customer who has just proven who they are (an SMS code, or WeChat with a bound
 * phone): a new session id, so a session fixed before sign-in is worth nothing, and the customer's authentication
 * saved in it. The one place a customer's page session begins.
 */
@Component
public class CustomerSessions {

    private final SecurityContextRepository contexts;

    CustomerSessions(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    public void start(CustomerPrincipal customer, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ActorAuthentication.of(customer));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

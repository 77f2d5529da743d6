package o2o.tableorders.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.shared.Problem;
import o2o.tableorders.Diner;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is ordering: a signed-in customer (a token or the site's session), else the random diner key the table scan
 * left on the phone (cookie {@code o2o_diner}). Holding the table's code is what lets either of them at its cart.
 */
@Component
class TableDiners {

    static final String DINER_COOKIE = "o2o_diner";
    static final int DINER_COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

    private final Customers customers;

    TableDiners(Customers customers) {
        this.customers = customers;
    }

    /** The diner, or null when the caller is neither signed in as a customer nor carries a diner key. */
    @Nullable Diner of(@Nullable Authentication authentication, HttpServletRequest request) {
        if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer) {
            return customers.current(customer.customerId()).map(c -> Diner.customer(c.customerId())).orElse(null);
        }
        var key = phoneKey(request);
        return key == null ? null : Diner.anonymous(key);
    }

    /** The diner, or a 401 that says how to become one. */
    Diner required(@Nullable Authentication authentication, HttpServletRequest request) {
        var diner = of(authentication, request);
        if (diner == null) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "sign in, or scan the table's code on this phone");
        }
        return diner;
    }

    private static @Nullable UUID phoneKey(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(DINER_COOKIE) && cookie.getValue().matches("[0-9a-f-]{36}")) {
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

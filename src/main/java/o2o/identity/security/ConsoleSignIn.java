package o2o.identity.security;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.Problem;
import o2o.shared.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * The consoles' form login ({@code POST /staff/login}) checks passwords through {@link StaffSignIn}, under the same
 * {@link SignInThrottle} as the API: the form's details carry the client address, a wrong password goes back to the
 * form with an error, and a refused try is shown on the form with 429 and Retry-After (the page at
 * {@link #WAIT_PAGE}, reached by a forward that only this handler makes).
 */
@Component
public class ConsoleSignIn implements AuthenticationProvider {

    public static final String WAIT_PAGE = "/staff/login/wait";
    public static final String RETRY_AFTER = ConsoleSignIn.class.getName() + ".retryAfter";

    private final StaffSignIn staff;

    ConsoleSignIn(StaffSignIn staff) {
        this.staff = staff;
    }

    /** What the form login keeps as the attempt's details: the client address, as every limit sees it. */
    static AuthenticationDetailsSource<HttpServletRequest, String> clientAddress() {
        return ClientAddress::of;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var client = authentication.getDetails() instanceof String address ? address : "unknown";
        var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        try {
            var user = staff.consoleUser(authentication.getName(), password, client);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        } catch (Problem problem) {
            if (problem.status() == HttpStatus.TOO_MANY_REQUESTS
                    && problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
                throw new MustWait(seconds.longValue());
            }
            throw new BadCredentialsException("wrong username or password");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Back to the form with {@code ?error} for a wrong password; the wait page, 429, for a refused try. */
    static AuthenticationFailureHandler failureHandler() {
        var wrong = new SimpleUrlAuthenticationFailureHandler("/staff/login?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            if (exception instanceof MustWait wait) {
                request.setAttribute(RETRY_AFTER, wait.seconds);
                request.getRequestDispatcher(WAIT_PAGE).forward(request, response);
            } else {
                wrong.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /** This client must wait before it may try again. */
    static final class MustWait extends AuthenticationException {

        private final long seconds;

        MustWait(long seconds) {
            super("too many failed sign-ins; retry in " + seconds + " s");
            this.seconds = seconds;
        }

        long seconds() {
            return seconds;
        }
    }
}

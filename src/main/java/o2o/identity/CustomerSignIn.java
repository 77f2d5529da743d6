package o2o.identity;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.security.CustomerSessions;
import o2o.identity.security.OneTimeCodes;
import o2o.shared.PhoneNumber;
import org.springframework.stereotype.Service;

/**
 * The customer's sign-in by SMS code, for another module's page that signs a customer in its own way (a mall's Wi-Fi
 * portal): the same codes, rate limits and registration on first sign-in as {@code /signin}, and the same site
 * session once the code is right.
 */
@Service
public class CustomerSignIn {

    private final OneTimeCodes codes;
    private final CustomerSessions sessions;

    CustomerSignIn(OneTimeCodes codes, CustomerSessions sessions) {
        this.codes = codes;
        this.sessions = sessions;
    }

    /** Texts a fresh code to the phone; rate-limited per phone and per client address. Answers how long it is good. */
    public Duration sendCode(PhoneNumber phone, String client, Locale locale) {
        return codes.send(phone, client, locale);
    }

    /** The customer this phone's code proves (registered on first sign-in); {@code otp-invalid} otherwise. */
    public CustomerPrincipal verify(PhoneNumber phone, String code, String client) {
        return codes.verify(phone, code, client);
    }

    /**
     * Checks the phone's code and signs the browser in to the site as that customer, as {@code /signin} does: a new
     * session id (no fixation), the customer's authentication saved in it. Only a proven phone signs a browser in.
     */
    public CustomerPrincipal verifyAndSignIn(PhoneNumber phone, String code, String client, HttpServletRequest request,
            HttpServletResponse response) {
        var customer = codes.verify(phone, code, client);
        sessions.start(customer, request, response);
        return customer;
    }
}

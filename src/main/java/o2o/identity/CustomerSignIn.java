package o2o.identity;

import java.time.Duration;
import java.util.Locale;

import o2o.identity.security.OneTimeCodes;
import o2o.shared.PhoneNumber;
import org.springframework.stereotype.Service;

/**
 * The customer's sign-in by SMS code, for another module's page that signs a customer in its own way (a mall's Wi-Fi
 * portal): the same codes, rate limits and registration on first sign-in as {@code /signin}.
 */
@Service
public class CustomerSignIn {

    private final OneTimeCodes codes;

    CustomerSignIn(OneTimeCodes codes) {
        this.codes = codes;
    }

    /** Texts a fresh code to the phone; rate-limited per phone and per client address. Answers how long it is good. */
    public Duration sendCode(PhoneNumber phone, String client, Locale locale) {
        return codes.send(phone, client, locale);
    }

    /** The customer this phone's code proves (registered on first sign-in); {@code otp-invalid} otherwise. */
    public CustomerPrincipal verify(PhoneNumber phone, String code, String client) {
        return codes.verify(phone, code, client);
    }
}

package o2o.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** An endpoint's signing secret: 32 random bytes, shown once, when made. */
final class SigningSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {}

    static String next() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

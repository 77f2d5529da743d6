package o2o.identity.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The server's signing key, from configuration or, failing that, random for this run. */
@Component
class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);

    private final byte[] tokenKey;

    Secrets(IdentityProperties properties) {
        if (properties.tokenSecret().isBlank()) {
            log.warn("o2o.identity.token-secret is not set: using a random key, so tokens end with this run");
            tokenKey = new byte[32];
            new SecureRandom().nextBytes(tokenKey);
        } else {
            tokenKey = Base64.getDecoder().decode(properties.tokenSecret());
            if (tokenKey.length < 32) throw new IllegalStateException("o2o.identity.token-secret must be 32+ bytes");
        }
    }

    byte[] tokenKey() {
        return tokenKey.clone();
    }
}

package o2o.delivery.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How the sandbox fleet signs its callbacks, the way WeChat's and Meituan's fleets do: {@code Fleet-Timestamp} (unix
 * seconds), {@code Fleet-Nonce} (random), {@code Fleet-Signature} (hex HMAC-SHA256 with the shared secret of {@code
 * timestamp + "\n" + nonce + "\n" + body}). Checking compares in constant time and refuses a timestamp more than five
 * minutes from now, so a captured callback cannot be sent again later.
 */
@Component
@ConditionalOnBooleanProperty("o2o.delivery.providers.sandbox.enabled")
class SandboxFleetSignature {

    static final String TIMESTAMP = "Fleet-Timestamp";
    static final String NONCE = "Fleet-Nonce";
    static final String SIGNATURE = "Fleet-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(SandboxFleetSignature.class);

    private final SecretKeySpec key;
    private final Clock clock;

    SandboxFleetSignature(SandboxFleetProperties properties, Clock clock) {
        byte[] secret;
        if (properties.secret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("o2o.delivery.providers.sandbox.secret not set: a random one is used for this run");
        } else {
            secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    String sign(long timestamp, String nonce, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var message = timestamp + "\n" + nonce + "\n" + body;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses (401) a callback whose signature is missing or wrong, or whose timestamp is too far from now. */
    void verify(HttpHeaders headers, String body) {
        var timestamp = headers.getFirst(TIMESTAMP);
        var nonce = headers.getFirst(NONCE);
        var given = headers.getFirst(SIGNATURE);
        if (timestamp == null || nonce == null || nonce.isBlank() || given == null) throw unsigned();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw unsigned();
        }
        var expected = sign(seconds, nonce, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw unsigned();
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "courier-callback-stale",
                    "the callback's timestamp is more than 5 minutes from now");
        }
    }

    private static Problem unsigned() {
        return new Problem(HttpStatus.UNAUTHORIZED, "courier-callback-unsigned",
                "the callback's signature is missing or does not match");
    }

}

package o2o.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Webhook signatures: {@code Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">}. Verification
 * compares in constant time and refuses timestamps outside the tolerance, so a captured webhook cannot be replayed
 * later with a fresh look.
 */
@Component
@ConditionalOnBooleanProperty("o2o.payments.sandbox.enabled")
public class SandboxSignature {

    public static final String HEADER = "Sandbox-Signature";
    private static final Logger log = LoggerFactory.getLogger(SandboxSignature.class);

    private final SecretKeySpec key;
    private final long toleranceSeconds;
    private final Clock clock;

    SandboxSignature(SandboxProperties properties, Clock clock) {
        byte[] secret;
        if (properties.webhookSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("o2o.payments.sandbox.webhook-secret not set: a random one is used for this run");
        } else {
            secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.toleranceSeconds = properties.toleranceSeconds();
        this.clock = clock;
    }

    public String sign(long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + body);
    }

    /** Checks a webhook's signature header against its raw body; throws a 400 or 401 problem when it does not hold. */
    public void verify(String header, String body) {
        long timestamp = -1;
        String given = null;
        for (var part : header == null ? new String[0] : header.split(",")) {
            var kv = part.strip().split("=", 2);
            if (kv.length != 2) continue;
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    timestamp = -1;
                }
            } else if (kv[0].equals("v1")) {
                given = kv[1];
            }
        }
        if (timestamp < 0 || given == null) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "webhook-signature-invalid", "missing or malformed signature");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > toleranceSeconds) {
            throw new Problem(HttpStatus.BAD_REQUEST, "webhook-stale", "the webhook's timestamp is outside the tolerance");
        }
        var expected = hmac(timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "webhook-signature-invalid", "the signature does not match");
        }
    }

    private String hmac(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

}

package o2o.loyalty;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * The digits of a member QR code: its expiry (epoch seconds, 10 digits), a signature (10 digits of an HMAC-SHA256
 * over the member's number, customer, merchant and expiry) and the member's number.
 */
final class MemberQrCode {

    private static final Pattern TOKEN = Pattern.compile("\\d{21,39}");
    private static final long TEN_DIGITS = 10_000_000_000L;

    /** The card a code names, read but not yet checked against its signature. */
    record Scanned(long expiry, String signature, long number) {}

    /** Whose card a code is for: the member's number at a merchant, and the customer. */
    record Holder(long number, UUID merchantId, UUID customerId) {}

    private final SecretKeySpec key;

    /** With a configured secret, codes outlive a restart; without one, a random key signs them until then. */
    MemberQrCode(String configuredSecret) {
        byte[] secret;
        if (configuredSecret.isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String token(Holder holder, long expiry) {
        return "%010d%s%d".formatted(expiry, signature(holder, expiry), holder.number());
    }

    /** The parts of a scanned or typed code (spaces and dashes ignored); {@code member-qr-invalid} when not one. */
    static Scanned read(String typed) {
        var token = typed.replaceAll("[\\s-]", "");
        if (!TOKEN.matcher(token).matches()) throw invalid();
        try {
            return new Scanned(Long.parseLong(token.substring(0, 10)), token.substring(10, 20),
                    Long.parseLong(token.substring(20)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** Whether the scanned code was signed here for this holder, compared in constant time. */
    boolean signs(Scanned scanned, Holder holder) {
        return MessageDigest.isEqual(signature(holder, scanned.expiry()).getBytes(StandardCharsets.US_ASCII),
                scanned.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(Holder holder, long expiry) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var digest = mac.doFinal("member-qr|%d|%s|%s|%d".formatted(holder.number(), holder.customerId(),
                    holder.merchantId(), expiry).getBytes(StandardCharsets.US_ASCII));
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | (digest[i] & 0xff);
            return "%010d".formatted(Long.remainderUnsigned(value, TEN_DIGITS));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static Problem invalid() {
        return new Problem(HttpStatus.BAD_REQUEST, "member-qr-invalid", "not a member QR code of this platform");
    }
}

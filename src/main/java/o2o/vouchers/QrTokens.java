package o2o.vouchers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.shared.InvalidInput;
import o2o.shared.QrCodes;
import org.springframework.stereotype.Component;

/**
 * What the voucher's QR code carries: the voucher id and an expiry, signed (HMAC-SHA256, truncated to 128 bits).
 * A screenshot stops working after a few minutes; the typed code still works for the person holding it.
 */
@Component
public class QrTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final VouchersProperties properties;
    private final Clock clock;

    QrTokens(VouchersProperties properties, Clock clock) {
        byte[] secret;
        if (properties.qrSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = properties.qrSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(UUID voucherId) {
        var payload = ByteBuffer.allocate(24)
                .putLong(voucherId.getMostSignificantBits())
                .putLong(voucherId.getLeastSignificantBits())
                .putLong(clock.instant().plus(properties.qrTtl()).getEpochSecond())
                .array();
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The voucher a token names, if the signature holds and it has not expired. */
    public UUID verify(String token) {
        var parts = token.strip().split("\\.");
        byte[] payload;
        byte[] signature;
        try {
            if (parts.length != 2) throw new IllegalArgumentException();
            payload = DECODE.decode(parts[0]);
            signature = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("qrToken", "not a voucher QR code");
        }
        if (payload.length != 24 || !MessageDigest.isEqual(mac(payload), signature)) {
            throw new InvalidInput("qrToken", "not a voucher QR code");
        }
        var buffer = ByteBuffer.wrap(payload);
        var id = new UUID(buffer.getLong(), buffer.getLong());
        if (clock.instant().getEpochSecond() > buffer.getLong()) {
            throw new InvalidInput("qrToken", "this QR code has expired; refresh it on the phone or type the code");
        }
        return id;
    }

    /** The token as a PNG QR code (ZXing). */
    public byte[] png(String token, int size) {
        return QrCodes.png(token, size);
    }

    private byte[] mac(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

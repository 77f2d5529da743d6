package o2o.mallevents;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * What a sign-up's QR code carries: the sign-up's id, signed (HMAC-SHA256 truncated to 128 bits), so that only codes
 * this platform issued check anyone in. The event is the sign-up's; the door checks it is the one being entered.
 */
@Component
class TicketTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final String PREFIX = "ME1.";

    private final SecretKeySpec key;

    TicketTokens(MallEventsProperties properties) {
        byte[] secret;
        if (properties.qrSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = properties.qrSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String issue(UUID signUpId) {
        var payload = payload(signUpId);
        return PREFIX + ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The sign-up a token names; 400 when it is not a token this platform signed. */
    UUID verify(String token) {
        var text = token.strip();
        if (!text.startsWith(PREFIX)) throw notATicket();
        var parts = text.substring(PREFIX.length()).split("\\.");
        byte[] payload;
        byte[] signature;
        try {
            if (parts.length != 2) throw notATicket();
            payload = DECODE.decode(parts[0]);
            signature = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw notATicket();
        }
        if (payload.length != 16 || !MessageDigest.isEqual(mac(payload), signature)) throw notATicket();
        var buffer = ByteBuffer.wrap(payload);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static byte[] payload(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static InvalidInput notATicket() {
        return new InvalidInput("token", "not the QR code of an event sign-up");
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

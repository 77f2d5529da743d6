package o2o.payments;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts merchants' gateway settings at rest: AES-256-GCM, a fresh 12-byte nonce per write, and the row's merchant and
 * provider as associated data, so a ciphertext copied to another merchant's row does not decrypt.
 */
@Component
class AccountKeys {

    private static final Logger log = LoggerFactory.getLogger(AccountKeys.class);
    private static final int NONCE = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    AccountKeys(PaymentsProperties properties) {
        byte[] raw;
        if (properties.keyEncryptionKey().isBlank()) {
            raw = new byte[32];
            random.nextBytes(raw);
            log.warn("o2o.payments.key-encryption-key is not set: merchants' gateway keys saved in this run are "
                    + "unreadable after a restart");
        } else {
            raw = Base64.getDecoder().decode(properties.keyEncryptionKey());
            if (raw.length != 32) throw new IllegalStateException("o2o.payments.key-encryption-key must be 32 bytes");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    byte[] seal(String plain, String context) {
        var nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(byte[] sealed, String context) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a merchant's gateway settings do not decrypt with this key-encryption key", e);
        }
    }
}

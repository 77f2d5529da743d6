package o2o.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an {@code Idempotency-Key} is kept under: a hash of the caller, the path and the key (so two callers cannot
 * collide), and a hash of the body (a repeat with another body is refused).
 */
record IdempotencyScope(String scope, String requestHash) {

    static IdempotencyScope of(String caller, String path, String key, byte[] body) {
        return new IdempotencyScope(sha256((caller + '\n' + path + '\n' + key).getBytes(StandardCharsets.UTF_8)),
                sha256(body));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package o2o.campaigns;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The text of a tracking code, the last part of its short link {@code /c/{code}}: chosen by the merchant (3-32 of
 * letters, digits, '_' and '-'), or drawn at random: 8 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), 31⁸ ≈ 8.5 × 10¹¹ codes, so guessing one is hopeless and a clash is rare (and retried).
 */
public final class CodeText {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{3,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeText() {}

    public static String random() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return code.toString();
    }

    /** The merchant's own code; a malformed one is a 400 on {@code code}. */
    public static String chosen(String raw) {
        if (!isWellFormed(raw)) {
            throw new InvalidInput("code", "3-32 letters, digits, '_' or '-'", "input.campaigns.code-format");
        }
        return raw;
    }

    /** For a short link: a code that cannot exist is not looked up. */
    public static boolean isWellFormed(@Nullable String raw) {
        return raw != null && VALID.matcher(raw).matches();
    }
}

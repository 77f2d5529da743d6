package o2o.dining;

import java.security.SecureRandom;

/** The random public code a table's QR carries ({@code /t/{code}}). */
final class TableCode {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/o, 1/l/i: a code is sometimes read aloud or typed from a worn sticker. */
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    /** 16 characters of a 31-letter alphabet: about 79 bits, far beyond guessing. */
    static final int LENGTH = 16;

    private TableCode() {}

    static String next() {
        var code = new char[LENGTH];
        for (int i = 0; i < code.length; i++) code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        return new String(code);
    }
}

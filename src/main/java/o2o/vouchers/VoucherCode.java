package o2o.vouchers;

import java.security.SecureRandom;

import o2o.shared.InvalidInput;

/**
 * Twelve digits: eleven from SecureRandom and a Luhn check digit, so a mistyped digit or two swapped neighbours are
 * caught at the counter before any lookup. Unique per merchant by a database constraint.
 */
public record VoucherCode(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public VoucherCode {
        var digits = value.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12}")) throw new InvalidInput("code", "a voucher code has 12 digits");
        if (checkDigit(digits.substring(0, 11)) != digits.charAt(11) - '0') {
            throw new InvalidInput("code", "this code has a typo (check digit does not match)");
        }
        value = digits;
    }

    public static VoucherCode random() {
        var body = new StringBuilder(12);
        for (int i = 0; i < 11; i++) body.append(RANDOM.nextInt(10));
        body.append(checkDigit(body.toString()));
        return new VoucherCode(body.toString());
    }

    /** Luhn: double every second digit from the right of the payload. */
    static int checkDigit(String payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** "1234 5678 9012", as printed on the voucher. */
    public String grouped() {
        return value.substring(0, 4) + " " + value.substring(4, 8) + " " + value.substring(8);
    }

    @Override
    public String toString() {
        return value;
    }
}

package o2o.shared;

import java.io.Serializable;
import java.util.regex.Pattern;

/** A mainland China mobile number, kept in its 11-digit form; "+86" and separators are accepted on input. */
public record PhoneNumber(String value) implements Serializable {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        if (!MOBILE.matcher(value).matches()) throw new InvalidInput("phone", "not a mainland China mobile number");
    }

    public static PhoneNumber parse(String raw) {
        var digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) digits = digits.substring(3);
        else if (digits.startsWith("0086")) digits = digits.substring(4);
        return new PhoneNumber(digits);
    }

    /** The number with its middle digits hidden, for pages and logs. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return value;
    }
}

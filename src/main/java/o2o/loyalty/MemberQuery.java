package o2o.loyalty;

import java.util.regex.Pattern;

import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * What was typed into the member list's search box: digits (spaces, + and - allowed) search phones, anything else
 * searches names; nothing lists everyone.
 */
record MemberQuery(String phoneDigits, String name) {

    private static final Pattern PHONE_DIGITS = Pattern.compile("[\\d\\s+-]+");

    static MemberQuery of(@Nullable String typed) {
        var q = typed == null ? "" : typed.strip();
        if (q.length() > 40) throw new InvalidInput("q", "at most 40 characters");
        var digits = PHONE_DIGITS.matcher(q).matches() ? q.replaceAll("\\D", "") : "";
        return new MemberQuery(digits, digits.isEmpty() ? q : "");
    }

    boolean byPhone() {
        return !phoneDigits.isEmpty();
    }

    boolean matches(PhoneNumber phone) {
        return phone.value().contains(phoneDigits);
    }

    /** The name as a LIKE pattern's text, its wildcards taken literally. */
    String escapedName() {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

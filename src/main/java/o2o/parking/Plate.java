package o2o.parking;

import java.util.Locale;
import java.util.regex.Pattern;

import o2o.shared.InvalidInput;

/**
 * A mainland Chinese licence plate, as the car park's cameras read it: the province's character, the city's letter
 * and five characters ({@code 沪A12345}, the last may be 挂, 学, 警, 港 or 澳), or a new-energy plate of six
 * ({@code 沪AD12345}, {@code 沪A12345D}). Spaces, dots and dashes people type are dropped, letters made upper case.
 */
public record Plate(String number) {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String LETTER = "[A-HJ-NP-Z]";
    private static final Pattern VALID = Pattern.compile("[" + PROVINCES + "]" + LETTER + "(?:"
            + "[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]" // standard
            + "|[DF][A-HJ-NP-Z0-9][0-9]{4}" // new energy, small cars
            + "|[0-9]{5}[DF])"); // new energy, large vehicles

    public Plate {
        if (!VALID.matcher(number).matches()) throw new InvalidInput("plate", "not a licence plate such as 沪A12345");
    }

    /** The plate as typed: separators dropped, upper case. */
    public static Plate of(String typed) {
        var cleaned = typed.strip().replaceAll("[\\s·•.\\-]", "").toUpperCase(Locale.ROOT);
        if (cleaned.length() > 10) throw new InvalidInput("plate", "not a licence plate such as 沪A12345");
        return new Plate(cleaned);
    }

    @Override
    public String toString() {
        return number;
    }
}

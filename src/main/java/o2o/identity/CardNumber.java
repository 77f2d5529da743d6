package o2o.identity;

import java.util.regex.Pattern;

import o2o.shared.InvalidInput;

/** A physical member card's number as printed on it: 4 to 32 letters, digits or dashes, surrounding spaces ignored. */
public record CardNumber(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9A-Za-z-]{4,32}");

    public CardNumber {
        if (!FORM.matcher(value).matches()) throw new InvalidInput("cardNumber", "4 to 32 letters, digits or dashes");
    }

    public static CardNumber parse(String raw) {
        return new CardNumber(raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}

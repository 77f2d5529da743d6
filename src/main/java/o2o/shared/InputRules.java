package o2o.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/** The rules for any text and date a request carries, shared by the JSON reader and the parameter filter. */
public final class InputRules {

    /** Dates and instants outside these years are typing mistakes or probes, and PostgreSQL refuses some of them. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private InputRules() {}

    /** C0 control characters and DEL, except tab, line feed and carriage return, which text may hold. */
    public static boolean hasControlCharacters(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return true;
        }
        return false;
    }

    public static boolean yearInRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The date or instant itself when its year is in range; otherwise {@link #dateOutOfRange} of {@code field}. */
    public static <T extends Temporal> T inRange(String field, T value) {
        int year = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                : value.get(ChronoField.YEAR);
        if (!yearInRange(year)) throw dateOutOfRange(field);
        return value;
    }

    public static InvalidInput controlCharacters(String field) {
        return new InvalidInput(field, "must not contain control characters", "input.control-characters");
    }

    public static InvalidInput dateOutOfRange(String field) {
        return new InvalidInput(field, "must be a date between " + FIRST_YEAR + " and " + LAST_YEAR,
                "input.date-out-of-range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }
}

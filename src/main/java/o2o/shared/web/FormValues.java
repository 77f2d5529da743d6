package o2o.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** Values typed into console forms: amounts in yuan, whole numbers, and {@code datetime-local} times. */
public final class FormValues {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FormValues() {}

    /** "12.5" yuan → 1250 分, exactly (BigDecimal; more decimals than the currency has is an error, not a rounding). */
    public static Money money(String field, @Nullable String text, Currency currency) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, "enter an amount");
        try {
            var amount = new BigDecimal(text.strip().replace("¥", "").replace(",", ""));
            if (amount.signum() < 0) throw new InvalidInput(field, "must not be negative");
            return new Money(amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "not an amount like 12.50");
        } catch (ArithmeticException e) {
            throw new InvalidInput(field, "at most " + currency.getDefaultFractionDigits() + " decimals");
        }
    }

    public static @Nullable Money optionalMoney(String field, @Nullable String text, Currency currency) {
        return text == null || text.isBlank() ? null : money(field, text, currency);
    }

    public static @Nullable Integer optionalNumber(String field, @Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "not a whole number");
        }
    }

    /** A whole number that may be large (points); {@code whenBlank} when nothing was typed. */
    public static long wholeNumber(String field, @Nullable String text, long whenBlank) {
        if (text == null || text.isBlank()) return whenBlank;
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "not a whole number");
        }
    }

    public static int number(String field, @Nullable String text) {
        var number = optionalNumber(field, text);
        if (number == null) throw new InvalidInput(field, "enter a number");
        return number;
    }

    /** A {@code datetime-local} value ("2025-05-01T10:00") read as a time in that zone. */
    public static Instant instant(String field, @Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, "enter a date and time");
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "not a date and time like 2025-05-01T10:00");
        }
    }

    /** The value a {@code datetime-local} input shows for an instant. */
    public static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }
}

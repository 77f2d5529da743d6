package o2o.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An amount in minor units (分 for CNY) of one currency. Never a double. Arithmetic is exact and bounded: a result
 * beyond {@link #MAX_MINOR} is an {@link AmountTooLarge}, never an overflow.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public static final Currency CNY = Currency.getInstance("CNY");
    /** The currencies the platform takes: its gateways, ledgers and prices are in yuan. */
    public static final Set<Currency> SUPPORTED = Set.of(CNY);
    /** The largest amount anything may come to: ¥1,000,000,000,000 (10¹⁴ 分). */
    public static final long MAX_MINOR = 100_000_000_000_000L;
    /** The highest unit price a deal, dish, top-up or sale may ask: ¥1,000,000. */
    public static final long MAX_PRICE_MINOR = 100_000_000L;

    public Money {
        if (currency == null) throw new InvalidInput("currency", "is required", "input.required");
        if (minor < 0) throw new InvalidInput("amount", "must not be negative");
    }

    /** An amount as a caller sends it: a currency the platform takes, within bounds. */
    @JsonCreator
    public static Money of(@JsonProperty("minor") @Nullable Long minor,
            @JsonProperty("currency") @Nullable Currency currency) {
        if (minor == null) throw new InvalidInput("minor", "is required", "input.required");
        if (currency == null) throw new InvalidInput("currency", "is required", "input.required");
        if (!SUPPORTED.contains(currency)) {
            throw new InvalidInput("currency", "must be CNY", "input.currency-unsupported", "CNY");
        }
        if (minor < 0) throw new InvalidInput("minor", "must not be negative", "input.negative");
        if (minor > MAX_MINOR) {
            var most = new Money(MAX_MINOR, currency).decimal();
            throw new InvalidInput("minor", "must be at most " + most, "input.amount-too-large", most);
        }
        return new Money(minor, currency);
    }

    /** This amount as a price someone asks for one unit: at most {@link #MAX_PRICE_MINOR}. */
    public Money asPrice(String field) {
        if (minor > MAX_PRICE_MINOR) {
            var most = new Money(MAX_PRICE_MINOR, currency).decimal();
            throw new InvalidInput(field, "must be at most " + most, "input.price-too-high", most);
        }
        return this;
    }

    public static Money cny(long minor) {
        return new Money(minor, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        same(other);
        return new Money(exact(() -> Math.addExact(minor, other.minor)), currency);
    }

    public Money minus(Money other) {
        same(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        if (factor < 0) throw new IllegalArgumentException("negative factor " + factor);
        return new Money(exact(() -> Math.multiplyExact(minor, factor)), currency);
    }

    private static long exact(java.util.function.LongSupplier arithmetic) {
        try {
            long result = arithmetic.getAsLong();
            if (result > MAX_MINOR) throw new AmountTooLarge("amount");
            return result;
        } catch (ArithmeticException e) {
            throw new AmountTooLarge("amount");
        }
    }

    public Money min(Money other) {
        same(other);
        return minor <= other.minor ? this : other;
    }

    @JsonIgnore // a question to ask of an amount, not a part of it: not in the JSON
    public boolean isZero() {
        return minor == 0;
    }

    /** "12.50" for 1250 分. */
    public String decimal() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        same(other);
        return Long.compare(minor, other.minor);
    }

    private void same(Money other) {
        if (!currency.equals(other.currency)) throw new IllegalArgumentException(currency + " vs " + other.currency);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + decimal();
    }
}

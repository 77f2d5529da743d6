package o2o.shared;

import java.math.BigDecimal;
import java.util.Currency;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An amount in minor units (分 for CNY) of one currency. Never a double. */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        if (minor < 0) throw new InvalidInput("amount", "must not be negative");
    }

    public static Money cny(long minor) {
        return new Money(minor, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        same(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        same(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
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

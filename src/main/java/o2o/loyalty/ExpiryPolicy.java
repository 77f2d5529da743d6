package o2o.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * When a program's points lots expire: at the end of the year after the one they were earned in (China time), or a
 * number of months (1 to 120) after they were earned. Written {@code END_OF_NEXT_YEAR} or {@code MONTHS:n}.
 */
record ExpiryPolicy(Kind kind, @Nullable Integer months) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    enum Kind { END_OF_NEXT_YEAR, MONTHS }

    static final ExpiryPolicy END_OF_NEXT_YEAR = new ExpiryPolicy(Kind.END_OF_NEXT_YEAR, null);

    static ExpiryPolicy parse(@Nullable String text) {
        var policy = text == null ? "" : text.strip();
        if (policy.equals("END_OF_NEXT_YEAR")) return END_OF_NEXT_YEAR;
        if (policy.startsWith("MONTHS:")) {
            try {
                int months = Integer.parseInt(policy.substring("MONTHS:".length()));
                if (months >= 1 && months <= 120) return new ExpiryPolicy(Kind.MONTHS, months);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidInput("expiryPolicy", "END_OF_NEXT_YEAR or MONTHS:n with n from 1 to 120");
    }

    /** The policy as stored: its kind and, for {@code MONTHS}, the months column. */
    static String written(String kind, int months) {
        return Kind.valueOf(kind) == Kind.MONTHS ? "MONTHS:" + months : kind;
    }

    Instant expiryOf(Instant earnedAt) {
        var local = earnedAt.atZone(CHINA);
        return switch (kind) {
            case MONTHS -> local.plusMonths(months == null ? 0 : months).toInstant();
            case END_OF_NEXT_YEAR -> LocalDate.of(local.getYear() + 2, 1, 1).atStartOfDay(CHINA).toInstant();
        };
    }
}

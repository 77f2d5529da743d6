package o2o.commissions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A statement's days in Shanghai, {@code from} included and {@code to} not: by default the 30 days up to and
 * including today; at most {@value #MAX_DAYS} days, and {@code from} before {@code to}.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    public Period {
        if (!from.isBefore(to)) throw new InvalidInput("to", "after from");
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInput("from", "at most " + MAX_DAYS + " days before to");
        }
    }

    static Period of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
        var end = to != null ? to : LocalDate.now(clock.withZone(CommissionPosting.ZONE)).plusDays(1);
        return new Period(from != null ? from : end.minusDays(DEFAULT_DAYS), end);
    }

    Instant start() {
        return from.atStartOfDay(CommissionPosting.ZONE).toInstant();
    }

    Instant end() {
        return to.atStartOfDay(CommissionPosting.ZONE).toInstant();
    }

    /** Every day of the period, in order. */
    java.util.List<LocalDate> days() {
        return from.datesUntil(to).toList();
    }
}

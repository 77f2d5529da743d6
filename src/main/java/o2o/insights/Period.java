package o2o.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The days a dashboard covers, both included: at least one, at most {@value #MAX_DAYS}. */
public record Period(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;
    /** The day a merchant's figures fall on. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Period {
        if (to.isBefore(from)) throw new InvalidInput("to", "on or after from");
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInput("from", "at most " + MAX_DAYS + " days before to");
        }
    }

    /** The period asked for; a missing end is today, a missing start the {@value #DEFAULT_DAYS} days up to the end. */
    public static Period of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
        var end = to != null ? to : LocalDate.now(clock.withZone(ZONE));
        return new Period(from != null ? from : end.minusDays(DEFAULT_DAYS - 1), end);
    }

    public static Period lastDays(int days, Clock clock) {
        var today = LocalDate.now(clock.withZone(ZONE));
        return new Period(today.minusDays(days - 1), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first days of the calendar months lying wholly inside the period, in order. */
    public java.util.List<LocalDate> wholeMonths() {
        var months = new java.util.ArrayList<LocalDate>();
        var month = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        while (!month.plusMonths(1).minusDays(1).isAfter(to)) {
            months.add(month);
            month = month.plusMonths(1);
        }
        return months;
    }

    /** The same number of days just before. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }
}

package o2o.malls;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/** A month of mall statements, in China time: from its first midnight to the next month's. */
public record StatementMonth(YearMonth value) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A month as typed ({@code 2026-11}); anything else is a 400 naming the field. */
    public static StatementMonth parse(String field, String typed) {
        if (typed.length() != 7) throw new InvalidInput(field, "a month such as 2026-11");
        try {
            var month = YearMonth.parse(typed);
            if (month.getYear() < 2000 || month.getYear() > 2100) throw new InvalidInput(field, "a month of 2000 to 2100");
            return new StatementMonth(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "a month such as 2026-11");
        }
    }

    /** The month before the one running now. */
    public static StatementMonth last(Clock clock) {
        return new StatementMonth(YearMonth.now(clock.withZone(ZONE)).minusMonths(1));
    }

    /** Only a month that has ended is closed: the running month or a later one is a 422. */
    public StatementMonth requireEnded(Clock clock) {
        if (!value.isBefore(YearMonth.now(clock.withZone(ZONE)))) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "mall-month-not-ended",
                    "only a month that has ended can be closed");
        }
        return this;
    }

    public Instant from() {
        return value.atDay(1).atStartOfDay(ZONE).toInstant();
    }

    public Instant to() {
        return value.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

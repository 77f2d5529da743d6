package o2o.loyalty.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import o2o.loyalty.PointsProgram;
import o2o.orders.Channel;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** How the points program endpoints' request bodies become domain values (a 400 naming the field if not). */
final class ProgramRequests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ProgramRequests() {}

    static Channel channel(String field, String text) {
        try {
            var channel = Channel.valueOf(text.strip());
            if (PointsProgram.EARNING_CHANNELS.contains(channel)) return channel;
        } catch (IllegalArgumentException e) {
            // not a channel at all: said below
        }
        throw new InvalidInput(field, "one of " + PointsProgram.EARNING_CHANNELS);
    }

    /** An instant ("2026-01-01T00:00:00Z"), or a date meaning its start in Beijing time ({@code to}: its end). */
    static Instant periodBound(String field, @Nullable String text, boolean end) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, "required: a date like 2026-01-31 or an instant");
        try {
            if (text.length() == 10) {
                var date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay(CHINA).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidInput(field, "a date like 2026-01-31 or an instant like 2026-01-31T16:00:00Z");
        }
    }
}

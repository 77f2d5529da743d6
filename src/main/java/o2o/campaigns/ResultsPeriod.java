package o2o.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The days a campaign's results cover, both included, as days in Shanghai: at most 366 of them. */
public record ResultsPeriod(LocalDate from, LocalDate to) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 366;

    public ResultsPeriod {
        if (to.isBefore(from)) throw new InvalidInput("to", "must not be before from", "input.campaigns.to-before-from");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInput("to", "at most " + MAX_DAYS + " days after from", "input.campaigns.period-too-long",
                    MAX_DAYS);
        }
    }

    /** The days asked for; a missing end is the campaign's own. */
    public static ResultsPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, Campaign campaign) {
        return new ResultsPeriod(from != null ? from : campaign.startsOn(), to != null ? to : campaign.endsOn());
    }

    /** The first moment of the first day. */
    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The first moment after the last day. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}

package o2o.outreach;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * No marketing message is sent from 21:00 to 09:00 in China: one that falls due then waits until nine.
 */
public final class QuietHours {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalTime STARTS = LocalTime.of(21, 0);
    public static final LocalTime ENDS = LocalTime.of(9, 0);

    private QuietHours() {}

    public static boolean at(Instant instant) {
        var time = instant.atZone(ZONE).toLocalTime();
        return !time.isBefore(STARTS) || time.isBefore(ENDS);
    }

    /** The moment the quiet hours that hold {@code instant} end; the instant itself outside them. */
    public static Instant endAfter(Instant instant) {
        if (!at(instant)) return instant;
        var local = instant.atZone(ZONE);
        var day = local.toLocalTime().isBefore(ENDS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(ENDS).atZone(ZONE).toInstant();
    }
}

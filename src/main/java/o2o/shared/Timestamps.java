package o2o.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as the database takes them: {@code timestamptz} parameters are bound as UTC offset date-times. */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The instant as a {@code timestamptz} keeps it, to the microsecond: a write that answers with what it wrote,
     * instead of reading it back, answers what every later read of the row will say.
     */
    public static Instant asStored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package o2o.shared;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list ordered by (time, id) ended: the last row's time in microseconds, as PostgreSQL stores it,
 * and its id. Opaque to callers; one that does not parse is a 400 on {@code cursor}.
 */
public record TimeCursor(Instant at, UUID id) {

    public static @Nullable TimeCursor parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var parts = raw.split("_");
        try {
            if (parts.length != 2) throw new IllegalArgumentException();
            long micros = Long.parseLong(parts[0]);
            return new TimeCursor(Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L)), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidInput("cursor", "not a cursor from this list");
        }
    }

    @Override
    public String toString() {
        return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000) + "_" + id;
    }
}

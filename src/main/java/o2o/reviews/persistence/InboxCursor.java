package o2o.reviews.persistence;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;

/** Where a page of the inbox ended: in the open group or not, and the last review's time and id. */
public record InboxCursor(boolean open, Instant at, UUID id) {

    public static @Nullable InboxCursor parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        if (!raw.startsWith("o") && !raw.startsWith("c")) throw new InvalidInput("cursor", "not a cursor from this list");
        var time = TimeCursor.parse(raw.substring(1));
        if (time == null) throw new InvalidInput("cursor", "not a cursor from this list");
        return new InboxCursor(raw.charAt(0) == 'o', time.at(), time.id());
    }

    @Override
    public String toString() {
        return (open ? "o" : "c") + new TimeCursor(at, id);
    }
}

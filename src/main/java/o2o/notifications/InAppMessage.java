package o2o.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A message in a customer's in-app inbox; {@code readAt} is null while the customer has not read it. */
public record InAppMessage(UUID id, String body, Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}

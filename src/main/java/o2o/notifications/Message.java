package o2o.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A message in the outbox; {@code sentAt} is null until the relay has handed it to the sender. */
public record Message(UUID id, Notifications.Channel channel, String recipient, String body, Instant createdAt,
        @Nullable Instant sentAt) {}

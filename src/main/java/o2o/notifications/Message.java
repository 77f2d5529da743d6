package o2o.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox: the rendered {@code body} (for the log, the dev inbox and in-app) and, for a gateway, its
 * {@code kind} and template {@code params}. {@code sentAt} is null until the relay has handed it on; {@code failedAt}
 * is set when the carrier refused it for good. Messages queued before kinds existed have none.
 */
public record Message(UUID id, Notifications.Channel channel, String recipient, @Nullable MessageKind kind,
        Map<String, String> params, String body, Instant createdAt, @Nullable Instant sentAt,
        @Nullable Instant failedAt) {}

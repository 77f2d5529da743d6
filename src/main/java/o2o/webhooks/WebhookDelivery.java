package o2o.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One event on its way to one endpoint, with every attempt made so far (newest last). */
public record WebhookDelivery(UUID id, UUID endpointId, UUID eventId, String eventType, String payload, Status status,
        int attempts, @Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant deliveredAt,
        List<Attempt> log) {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** An attempt: the receiver's status code, or the error when there was no answer; and how long it took. */
    public record Attempt(int number, Instant at, @Nullable Integer statusCode, @Nullable String error,
            long durationMs) {

        public boolean succeeded() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }
}

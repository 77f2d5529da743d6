package o2o.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One event on its way to one endpoint, with every attempt made so far (newest last). */
public record WebhookDelivery(UUID id, UUID endpointId, UUID eventId, String eventType, String payload, Status status,
        int attempts, @Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant deliveredAt,
        List<Attempt> log) {

    /**
     * A pending delivery is tried until delivered, or until a round of attempts has failed (FAILED); the merchant may
     * start a new round of a failed one. The database's conditional updates decide between racing moves.
     */
    public enum Status {
        PENDING, DELIVERED, FAILED;

        public boolean canBecome(Status next) {
            return switch (this) {
                case PENDING -> true;
                case FAILED -> next == PENDING;
                case DELIVERED -> false;
            };
        }
    }

    /** An attempt: the receiver's status code, or the error when there was no answer; and how long it took. */
    public record Attempt(int number, Instant at, @Nullable Integer statusCode, @Nullable String error,
            long durationMs) {

        public boolean succeeded() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }
}

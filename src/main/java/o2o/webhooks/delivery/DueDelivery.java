package o2o.webhooks.delivery;

import java.util.UUID;

import o2o.webhooks.WebhookDelivery.Status;

/**
 * A pending delivery whose next attempt is due, with its endpoint's URL and secret.
 *
 * @param attempts the attempts made so far, in all rounds
 * @param roundStart the attempts made before this round (the merchant's "send again" starts a new one)
 */
public record DueDelivery(UUID id, UUID eventId, String eventType, String payload, int attempts, int roundStart,
        String url, String secret) {

    public int attemptNo() {
        return attempts + 1;
    }

    /** The attempts this one makes in its round, failed ones all if it fails too. */
    public int failedInRound() {
        return attemptNo() - roundStart;
    }

    /** Delivered when the endpoint accepted it; otherwise tried again, until a round has had its attempts. */
    public Status after(boolean accepted, int maxAttempts) {
        if (accepted) return Status.DELIVERED;
        return failedInRound() >= maxAttempts ? Status.FAILED : Status.PENDING;
    }
}

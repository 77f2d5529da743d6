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
        @Nullable Instant failedAt) {

    /**
     * QUEUED until the relay hands it on (SENT) or the carrier refuses it for good (FAILED); a queued one may stay
     * queued for another attempt, a sent or failed one never moves again.
     */
    public enum Status {
        QUEUED, SENT, FAILED;

        public boolean canBecome(Status next) {
            return this == QUEUED;
        }
    }

    public Status status() {
        if (sentAt != null) return Status.SENT;
        return failedAt != null ? Status.FAILED : Status.QUEUED;
    }

    /** Only an SMS leaves this database: an in-app message is delivered by being marked sent. */
    public boolean goesToCarrier() {
        return channel == Notifications.Channel.SMS;
    }

    /** The recipient as the log may show it: a mobile number with its middle four digits hidden. */
    public String maskedRecipient() {
        return goesToCarrier() && recipient.length() == 11
                ? recipient.substring(0, 3) + "****" + recipient.substring(7) : recipient;
    }
}

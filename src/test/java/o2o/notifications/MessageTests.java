package o2o.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import o2o.notifications.Message.Status;
import org.junit.jupiter.api.Test;

/** An outbox message's moves: no Spring, no database. */
class MessageTests {

    private static Message sms(Instant sentAt, Instant failedAt) {
        return new Message(UUID.randomUUID(), Notifications.Channel.SMS, "13900001111", MessageKind.SIGN_IN_CODE,
                Map.of("code", "123456", "minutes", "5"), "code 123456", Instant.EPOCH, sentAt, failedAt);
    }

    @Test
    void aMessageIsQueuedUntilSentOrRefusedForGood() {
        assertThat(sms(null, null).status()).isEqualTo(Status.QUEUED);
        assertThat(sms(Instant.EPOCH, null).status()).isEqualTo(Status.SENT);
        assertThat(sms(null, Instant.EPOCH).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void onlyAQueuedMessageMoves() {
        for (var next : Status.values()) {
            assertThat(Status.QUEUED.canBecome(next)).as("QUEUED → " + next).isTrue();
            assertThat(Status.SENT.canBecome(next)).as("SENT → " + next).isFalse();
            assertThat(Status.FAILED.canBecome(next)).as("FAILED → " + next).isFalse();
        }
    }

    @Test
    void onlyAnSmsGoesToTheCarrierAndItsNumberIsMaskedInTheLog() {
        assertThat(sms(null, null).goesToCarrier()).isTrue();
        assertThat(sms(null, null).maskedRecipient()).isEqualTo("139****1111");
        var customer = UUID.randomUUID();
        var inApp = new Message(UUID.randomUUID(), Notifications.Channel.IN_APP, customer.toString(),
                MessageKind.PICKUP_READY, Map.of(), "ready", Instant.EPOCH, null, null);
        assertThat(inApp.goesToCarrier()).isFalse();
        assertThat(inApp.maskedRecipient()).isEqualTo(customer.toString());
    }
}

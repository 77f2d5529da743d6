package o2o.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import o2o.webhooks.WebhookDelivery.Status;
import o2o.webhooks.delivery.DueDelivery;
import org.junit.jupiter.api.Test;

/** How a delivery moves: no Spring, no database. */
class WebhookDeliveryStatusTests {

    private static DueDelivery due(int attempts, int roundStart) {
        return new DueDelivery(UUID.randomUUID(), UUID.randomUUID(), "order.paid", "{}", attempts, roundStart,
                "https://hooks.example.com/o2o", "whsec_x");
    }

    @Test
    void legalAndIllegalMoves() {
        for (var next : Status.values()) {
            assertThat(Status.PENDING.canBecome(next)).as("PENDING → " + next).isTrue();
            assertThat(Status.DELIVERED.canBecome(next)).as("DELIVERED → " + next).isFalse();
            assertThat(Status.FAILED.canBecome(next)).as("FAILED → " + next).isEqualTo(next == Status.PENDING);
        }
    }

    @Test
    void anAcceptedAttemptDeliversWhateverTheRound() {
        assertThat(due(0, 0).after(true, 8)).isEqualTo(Status.DELIVERED);
        assertThat(due(7, 0).after(true, 8)).isEqualTo(Status.DELIVERED);
    }

    @Test
    void aRefusedAttemptIsTriedAgainUntilTheRoundHasHadItsAttempts() {
        assertThat(due(0, 0).after(false, 8)).isEqualTo(Status.PENDING);
        assertThat(due(6, 0).after(false, 8)).isEqualTo(Status.PENDING);
        assertThat(due(7, 0).after(false, 8)).isEqualTo(Status.FAILED);
    }

    @Test
    void sendingAgainStartsANewRound() {
        var again = due(8, 8);
        assertThat(again.attemptNo()).isEqualTo(9);
        assertThat(again.failedInRound()).isEqualTo(1);
        assertThat(again.after(false, 8)).isEqualTo(Status.PENDING);
        assertThat(due(15, 8).after(false, 8)).isEqualTo(Status.FAILED);
    }
}

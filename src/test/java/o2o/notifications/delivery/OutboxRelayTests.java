package o2o.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxRelayTests {

    @Test
    void aRefusedMessageWaitsLongerAfterEachFailureUpToTenMinutes() {
        assertThat(OutboxRelay.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxRelay.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(OutboxRelay.backoff(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(OutboxRelay.backoff(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(OutboxRelay.backoff(60)).isEqualTo(Duration.ofMinutes(10));
    }
}

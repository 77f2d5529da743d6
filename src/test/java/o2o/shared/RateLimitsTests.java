package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The buckets of a single node ({@code o2o.rate-limits.store=memory}); the shared store is proven across two nodes
 * by {@code SeveralNodesIntegrationTests}.
 */
class RateLimitsTests {

    private final Buckets buckets = new Buckets(new RateLimitProperties(RateLimitProperties.Store.MEMORY, 1), null);

    @Test
    void aLimitRefusesTheRequestPastItsCapacityWithWhenToComeBack() {
        var limits = new RateLimits(buckets);
        var limit = new RateLimits.Limit("test", 2, Duration.ofMinutes(1));
        limits.check(limit, "13800138000");
        limits.check(limit, "13800138000");
        assertThatThrownBy(() -> limits.check(limit, "13800138000"))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat((Long) problem.properties().get("retryAfterSeconds")).isBetween(1L, 31L);
                });
        limits.check(limit, "13900139000");
    }

    @Test
    void bucketsOnAnInjectedClockRefillAsThatClockMoves() {
        var clock = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        var source = buckets.on(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        });
        var config = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1).refillGreedy(1, Duration.ofHours(1)))
                .build();
        assertThat(source.get("k", config).tryConsume(1)).isTrue();
        assertThat(source.get("k", config).tryConsume(1)).isFalse();
        clock.set(clock.get().plus(Duration.ofHours(1)));
        assertThat(source.get("k", config).tryConsume(1)).isTrue();
    }
}

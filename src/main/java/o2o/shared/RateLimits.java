package o2o.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits (Bucket4j) keyed by what is being protected: a phone, a username, a client address, a
 * staff member. The buckets are kept where {@link Buckets} keeps them: by default in PostgreSQL, so a limit counts
 * the requests of every node.
 */
@Component
public class RateLimits {

    /** At most {@code capacity} requests per {@code period}, refilled smoothly. */
    public record Limit(String name, long capacity, Duration period) {}

    private final Buckets.Source buckets;

    RateLimits(Buckets buckets) {
        this.buckets = buckets.onSystemClock();
    }

    /** Takes one token from the bucket of {@code key} under {@code limit}, or fails with 429 and a Retry-After. */
    public void check(Limit limit, String key) {
        var probe = buckets.takeOne(limit.name() + ':' + key, BucketConfiguration.builder()
                .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        if (!probe.isConsumed()) {
            throw tooMany(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
        }
    }

    /** The 429 that says when to come back (Retry-After), for limits kept elsewhere too (e.g. a resend interval). */
    public static Problem tooMany(long retryAfterSeconds) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "too many requests; retry later",
                Map.of("retryAfterSeconds", retryAfterSeconds), retryAfterSeconds);
    }
}

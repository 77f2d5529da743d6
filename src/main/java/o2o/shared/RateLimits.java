package o2o.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits (Bucket4j) keyed by what is being protected: a phone, a username, a client address, a
 * staff member. Buckets live in memory on this node and are forgotten after an hour without use.
 */
@Component
public class RateLimits {

    /** At most {@code capacity} requests per {@code period}, refilled smoothly. */
    public record Limit(String name, long capacity, Duration period) {}

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(1_000_000)
            .build();

    /** Takes one token from the bucket of {@code key} under {@code limit}, or fails with 429 and a Retry-After. */
    public void check(Limit limit, String key) {
        var bucket = buckets.get(limit.name() + ':' + key, k -> Bucket.builder()
                .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
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

package o2o.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/** Where a {@link FailureBackoff} keeps its counts: this node's memory, or a table every node shares. */
interface FailureCounts {

    /** Failures of one key, and when the latest was counted. */
    record Count(int failures, Instant last) {}

    /**
     * Replaces the count of {@code key} (null when it has none) by what {@code change} makes of it (null forgets the
     * key), as one step no other change of {@code key}, on any node, comes between. {@code change} runs once.
     */
    void change(String key, UnaryOperator<@Nullable Count> change);

    void forget(String key);

    /** Counts in this node's memory, each forgotten {@code memory} after it was last written. */
    static FailureCounts inMemory(Duration memory) {
        ConcurrentMap<String, Count> counts = Caffeine.newBuilder()
                .expireAfterWrite(memory)
                .maximumSize(200_000)
                .<String, Count>build()
                .asMap();
        return new FailureCounts() {
            @Override
            public void change(String key, UnaryOperator<@Nullable Count> change) {
                counts.compute(key, (k, count) -> change.apply(count));
            }

            @Override
            public void forget(String key) {
                counts.remove(key);
            }
        };
    }
}

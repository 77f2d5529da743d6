package o2o.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

import o2o.identity.security.FailureCounts.Count;
import org.jspecify.annotations.Nullable;

/**
 * Failed sign-ins per key, and the wait they impose: the first {@code free} failures cost nothing, each one after
 * that makes the next try wait twice as long as the last (1 s, 2 s, 4 s… up to {@link #MAX_DELAY}), counted from
 * the latest failure. A key is forgotten {@link #MEMORY} after its latest failure. A try is counted as a failure
 * when it starts (so a burst of parallel guesses cannot all slip past the check) and taken back if it succeeds. The
 * counts are kept where {@link FailureCounts} keeps them: by default in PostgreSQL, so every node counts the same ones.
 */
final class FailureBackoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration MEMORY = Duration.ofHours(1);

    private final int free;
    private final FailureCounts counts;

    FailureBackoff(int free, FailureCounts counts) {
        this.free = free;
        this.counts = counts;
    }

    /**
     * Seconds {@code key} must still wait, or 0 when it may try now: then {@code admit} sees how many failures it
     * has (a veto returns -1 and counts nothing) and the try is counted as a failure.
     */
    long tryCount(String key, Instant now, IntPredicate admit) {
        var outcome = new long[1];
        counts.change(key, count -> {
            int failures = live(count, now);
            var delay = delayAfter(failures);
            // the free failures cost nothing, even when another node's clock wrote the latest a little ahead
            long wait = delay.isZero() ? 0 : secondsLeft(count.last().plus(delay), now);
            if (wait > 0) {
                outcome[0] = wait;
                return count;
            }
            if (!admit.test(failures)) {
                outcome[0] = -1;
                return count;
            }
            return new Count(failures + 1, now);
        });
        return outcome[0];
    }

    /** Takes back a counted try that succeeded. */
    void uncount(String key) {
        counts.change(key, count -> count == null || count.failures() <= 1 ? null
                : new Count(count.failures() - 1, count.last()));
    }

    void clear(String key) {
        counts.forget(key);
    }

    private static int live(@Nullable Count count, Instant now) {
        return count == null || !now.isBefore(count.last().plus(MEMORY)) ? 0 : count.failures();
    }

    private Duration delayAfter(int failures) {
        if (failures <= free) return Duration.ZERO;
        int doublings = Math.min(failures - free - 1, 30);
        var delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Whole seconds, rounded up, never more than the longest delay (a clock set back must not lock anyone out). */
    static long secondsLeft(Instant until, Instant now) {
        var left = Duration.between(now, until);
        if (left.isNegative() || left.isZero()) return 0;
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.min(seconds, MAX_DELAY.getSeconds());
    }
}

package o2o.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset that a test may move forward; other tests keep seeing a sane "now". A test that
 * counts seconds exactly may {@link #freeze()} it; {@link #reset()} (after every test) lets it run again.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Stops the real time's part of the clock where it is now; {@link #advance} still moves it. */
    public void freeze() {
        frozenAt.set(Instant.now());
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozenAt.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        var moved = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moved.withZone(other);
            }

            @Override
            public Instant instant() {
                return moved.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        var frozen = frozenAt.get();
        return (frozen == null ? Instant.now() : frozen).plus(offset.get());
    }
}

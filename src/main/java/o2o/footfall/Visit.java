package o2o.footfall;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import o2o.malls.MallId;
import o2o.shared.CustomerId;

/**
 * A member's visit to a mall as the Wi-Fi sign-ins tell it: first and last seen, whether this sign-in began it, and
 * whether the customer joined the mall's membership with it.
 */
public record Visit(UUID id, MallId mall, CustomerId customer, Instant firstSeen, Instant lastSeen, boolean started,
        boolean joinedNow) {

    /** How long the visit has lasted so far: last seen − first seen. */
    public Duration dwell() {
        return Duration.between(firstSeen, lastSeen);
    }
}

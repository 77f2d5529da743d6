package o2o.parking;

import java.time.Instant;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A stay priced at a moment: the fee, the discounts behind its free hours, and what is left to pay then (nothing
 * within the grace after a payment in advance); a paid car's time to leave by.
 */
public record Quote(ParkingSession session, Instant at, ParkingFee fee, Discounts discounts, Money due,
        @Nullable Instant leaveBy) {}

package o2o.parking;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import o2o.malls.MallId;
import o2o.shared.CustomerId;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One stay of a car at a mall, from the car park's entry (its own {@code entryId}) to its exit. PARKED until the
 * member pays (PAID, with what and when) or the car leaves (EXITED, with the fee, the free hours' share and what the
 * car park had to collect).
 */
public record ParkingSession(UUID id, MallId mall, Plate plate, String entryId, Instant enteredAt, Status status,
        @Nullable Payment payment, @Nullable Exit exit) {

    public enum Status { PARKED, PAID, EXITED }

    /** Paid in advance with points: by whom, when, how many points and what they paid. */
    public record Payment(CustomerId by, Instant at, long points, Money value) {}

    /** The exit: when, the fee before and after free hours, and what was left to collect at the barrier. */
    public record Exit(Instant at, Money gross, Money discount, Money due) {

        public boolean barrierOpens() {
            return due.isZero();
        }
    }

    /**
     * What is left to pay for a stay until {@code at} that costs {@code net}: nothing within the grace after a payment
     * in advance, else the fee less what was paid.
     */
    public Money dueAt(Instant at, Money net, Duration grace) {
        if (payment == null) return net;
        if (!at.isAfter(payment.at().plus(grace))) return Money.cny(0);
        return net.compareTo(payment.value()) <= 0 ? Money.cny(0) : net.minus(payment.value());
    }

    /** The time a paid car must leave by to owe nothing more. */
    public @Nullable Instant leaveBy(Duration grace) {
        return payment == null ? null : payment.at().plus(grace);
    }
}

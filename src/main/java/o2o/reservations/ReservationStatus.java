package o2o.reservations;

import java.util.EnumSet;
import java.util.Set;

/**
 * PENDING_DEPOSIT → CONFIRMED (deposit paid) or EXPIRED (not paid in time); CONFIRMED (at once without a deposit) →
 * SEATED (checked in) or NO_SHOW; PENDING_DEPOSIT or CONFIRMED → CANCELLED. Bookings in the first four hold a unit of
 * their slot; CANCELLED and EXPIRED gave it back.
 */
public enum ReservationStatus {
    PENDING_DEPOSIT, CONFIRMED, SEATED, NO_SHOW, CANCELLED, EXPIRED;

    public boolean cancellable() {
        return canBecome(CANCELLED);
    }

    /** The statuses a booking moves into this one from; the conditional update of each move names them. */
    public Set<ReservationStatus> reachedFrom() {
        return switch (this) {
            case PENDING_DEPOSIT -> EnumSet.noneOf(ReservationStatus.class);
            case CONFIRMED, EXPIRED -> EnumSet.of(PENDING_DEPOSIT);
            case SEATED, NO_SHOW -> EnumSet.of(CONFIRMED);
            case CANCELLED -> EnumSet.of(PENDING_DEPOSIT, CONFIRMED);
        };
    }

    public boolean canBecome(ReservationStatus next) {
        return next.reachedFrom().contains(this);
    }
}

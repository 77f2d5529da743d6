package o2o.reservations;

/**
 * PENDING_DEPOSIT → CONFIRMED (deposit paid) or EXPIRED (not paid in time); CONFIRMED (at once without a deposit) →
 * SEATED (checked in) or NO_SHOW; PENDING_DEPOSIT or CONFIRMED → CANCELLED. Bookings in the first four hold a unit of
 * their slot; CANCELLED and EXPIRED gave it back.
 */
public enum ReservationStatus {
    PENDING_DEPOSIT, CONFIRMED, SEATED, NO_SHOW, CANCELLED, EXPIRED;

    public boolean cancellable() {
        return this == PENDING_DEPOSIT || this == CONFIRMED;
    }
}

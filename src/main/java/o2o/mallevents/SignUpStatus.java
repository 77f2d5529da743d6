package o2o.mallevents;

/**
 * A sign-up holds a seat while PENDING_PAYMENT (a paid event's order not paid yet) or CONFIRMED; EXPIRED (the order
 * was cancelled unpaid) and CANCELLED (the mall cancelled the event) gave it back.
 */
public enum SignUpStatus {
    PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED;

    public boolean holdsSeat() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }
}

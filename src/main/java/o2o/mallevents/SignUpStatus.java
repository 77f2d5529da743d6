package o2o.mallevents;

/**
 * A sign-up holds a seat while PENDING_PAYMENT (a paid event's order not paid yet) or CONFIRMED; EXPIRED (the order
 * was cancelled unpaid), CANCELLED (the mall cancelled the event) and WITHDRAWN (the customer cancelled it before the
 * start) gave it back.
 */
public enum SignUpStatus {
    PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED, WITHDRAWN;

    public boolean holdsSeat() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }
}

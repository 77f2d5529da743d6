package o2o.pickup;

/** AWAITING_PAYMENT → PAID (numbered, in the queue) → READY → HANDED_OVER; unpaid → CANCELLED; paid → REFUNDED. */
public enum PickupStatus {
    AWAITING_PAYMENT, PAID, READY, HANDED_OVER, REFUNDED, CANCELLED;

    /** Still moving: the customer's page keeps refreshing. */
    public boolean waiting() {
        return this == AWAITING_PAYMENT || this == PAID || this == READY;
    }
}

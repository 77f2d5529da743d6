package o2o.pickup;

import java.util.EnumSet;
import java.util.Set;

/** AWAITING_PAYMENT → PAID (numbered, in the queue) → READY → HANDED_OVER; unpaid → CANCELLED; paid → REFUNDED. */
public enum PickupStatus {
    AWAITING_PAYMENT, PAID, READY, HANDED_OVER, REFUNDED, CANCELLED;

    /** Still moving: the customer's page keeps refreshing. */
    public boolean waiting() {
        return this == AWAITING_PAYMENT || this == PAID || this == READY;
    }

    /** The statuses an order moves into this one from; the conditional update of each move names them. */
    public Set<PickupStatus> reachedFrom() {
        return switch (this) {
            case AWAITING_PAYMENT -> EnumSet.noneOf(PickupStatus.class);
            case PAID, CANCELLED -> EnumSet.of(AWAITING_PAYMENT);
            case READY -> EnumSet.of(PAID);
            case HANDED_OVER, REFUNDED -> EnumSet.of(PAID, READY);
        };
    }

    public boolean canBecome(PickupStatus next) {
        return next.reachedFrom().contains(this);
    }
}

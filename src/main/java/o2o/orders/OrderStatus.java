package o2o.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * PENDING_PAYMENT → PAID → COMPLETED; PENDING_PAYMENT → CANCELLED; PAID → PARTIALLY_REFUNDED → REFUNDED (or
 * COMPLETED once nothing is left to use).
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, PARTIALLY_REFUNDED, REFUNDED, COMPLETED, CANCELLED;

    /** The states an order may be in to move to this one. */
    public Set<OrderStatus> reachableFrom() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.noneOf(OrderStatus.class);
            case PAID -> EnumSet.of(PENDING_PAYMENT, COMPLETED); // COMPLETED → PAID: a redemption was reversed
            case CANCELLED -> EnumSet.of(PENDING_PAYMENT);
            case PARTIALLY_REFUNDED -> EnumSet.of(PAID, PARTIALLY_REFUNDED, COMPLETED);
            case REFUNDED -> EnumSet.of(PAID, PARTIALLY_REFUNDED);
            case COMPLETED -> EnumSet.of(PAID, PARTIALLY_REFUNDED);
        };
    }

    public boolean mayMoveTo(OrderStatus to) {
        return to.reachableFrom().contains(this);
    }
}

package o2o.orders;

import java.util.Set;

/** A change of an order's status, allowed from the states that may precede {@code to}, recorded with why. */
public record Move(OrderStatus to, String reason) {

    public Set<OrderStatus> allowedFrom() {
        return to.reachableFrom();
    }
}

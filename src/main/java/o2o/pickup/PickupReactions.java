package o2o.pickup;

import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paid pick-up order gets its number of the day; one cancelled unpaid leaves the store's list. The conditions are
 * checked before the event publication is recorded, so an order of another channel costs these listeners nothing.
 */
@Component
class PickupReactions {

    private final Pickups pickups;
    private final PickupNumbers numbers;

    PickupReactions(Pickups pickups, PickupNumbers numbers) {
        this.pickups = pickups;
        this.numbers = numbers;
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'PICKUP'")
    void on(OrderPaid paid) {
        numbers.numberPaid(paid.orderId().value(), paid.customerId().value(), paid.at());
    }

    @ApplicationModuleListener(condition = "#cancelled.channel().name() == 'PICKUP'")
    void on(OrderCancelled cancelled) {
        pickups.cancelled(cancelled.orderId().value());
    }
}

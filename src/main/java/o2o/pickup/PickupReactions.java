package o2o.pickup;

import o2o.orders.Channel;
import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A paid pick-up order gets its number of the day; one cancelled unpaid leaves the store's list. */
@Component
class PickupReactions {

    private final Pickups pickups;

    PickupReactions(Pickups pickups) {
        this.pickups = pickups;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.PICKUP) pickups.numberPaid(paid.orderId().value(), paid.customerId().value(), paid.at());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        pickups.cancelled(cancelled.orderId().value());
    }
}

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
    private final PickupNumbers numbers;

    PickupReactions(Pickups pickups, PickupNumbers numbers) {
        this.pickups = pickups;
        this.numbers = numbers;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.PICKUP) numbers.numberPaid(paid.orderId().value(), paid.customerId().value(), paid.at());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        pickups.cancelled(cancelled.orderId().value());
    }
}

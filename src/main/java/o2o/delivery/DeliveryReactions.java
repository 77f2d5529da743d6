package o2o.delivery;

import o2o.orders.Channel;
import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A paid delivery order starts its promise; one cancelled unpaid (by its time to pay) is cancelled here too. */
@Component
class DeliveryReactions {

    private final Deliveries deliveries;
    private final DeliveryEnds ends;

    DeliveryReactions(Deliveries deliveries, DeliveryEnds ends) {
        this.deliveries = deliveries;
        this.ends = ends;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.DELIVERY) deliveries.paid(paid.orderId(), paid.at());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        if (cancelled.channel() == Channel.DELIVERY) ends.cancelUnpaid(cancelled.orderId(), "orders");
    }
}

package o2o.delivery;

import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paid delivery order starts its promise; one cancelled unpaid (by its time to pay) is cancelled here too. The
 * conditions are checked before the event publication is recorded, so an order of another channel (a checkout, a
 * table's bill) costs these listeners nothing: no publication row, no transaction.
 */
@Component
class DeliveryReactions {

    private final Deliveries deliveries;
    private final DeliveryEnds ends;

    DeliveryReactions(Deliveries deliveries, DeliveryEnds ends) {
        this.deliveries = deliveries;
        this.ends = ends;
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'DELIVERY'")
    void on(OrderPaid paid) {
        deliveries.paid(paid.orderId(), paid.at());
    }

    @ApplicationModuleListener(condition = "#cancelled.channel().name() == 'DELIVERY'")
    void on(OrderCancelled cancelled) {
        ends.cancelUnpaid(cancelled.orderId(), "orders");
    }
}

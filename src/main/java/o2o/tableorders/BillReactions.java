package o2o.tableorders;

import o2o.orders.Channel;
import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import o2o.orders.WalkInOrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Shares paid online are learned from {@link OrderPaid}; a share whose order was cancelled unpaid is freed. Both are
 * idempotent: a re-delivered event finds the share already paid, or already freed.
 */
@Component
class BillReactions {

    private final Bills bills;

    BillReactions(Bills bills) {
        this.bills = bills;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.DINE_IN) bills.orderPaid(paid.orderId().value());
    }

    @ApplicationModuleListener
    void on(WalkInOrderPaid paid) {
        if (paid.channel() == Channel.DINE_IN) bills.orderPaid(paid.orderId().value());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        bills.orderCancelled(cancelled.orderId().value());
    }
}

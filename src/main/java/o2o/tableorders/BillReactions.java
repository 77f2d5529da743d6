package o2o.tableorders;

import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import o2o.orders.WalkInOrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Shares paid online are learned from {@link OrderPaid}; a share whose order was cancelled unpaid is freed. Both are
 * idempotent: a re-delivered event finds the share already paid, or already freed. Only a table's orders (DINE_IN)
 * are heard: the conditions are checked before the publication is recorded, so other orders cost nothing here.
 */
@Component
class BillReactions {

    private final Bills bills;

    BillReactions(Bills bills) {
        this.bills = bills;
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'DINE_IN'")
    void on(OrderPaid paid) {
        bills.orderPaid(paid.orderId().value());
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'DINE_IN'")
    void on(WalkInOrderPaid paid) {
        bills.orderPaid(paid.orderId().value());
    }

    @ApplicationModuleListener(condition = "#cancelled.channel().name() == 'DINE_IN'")
    void on(OrderCancelled cancelled) {
        bills.orderCancelled(cancelled.orderId().value());
    }
}

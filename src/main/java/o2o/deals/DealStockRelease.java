package o2o.deals;

import o2o.deals.persistence.DealStock;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.OrderCancelled;
import o2o.orders.Orders;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deal order cancelled unpaid gives back its units' stock and allowance, in the transaction that cancels it. */
@Component
class DealStockRelease {

    private final Orders orders;
    private final DealStock stock;

    DealStockRelease(Orders orders, DealStock stock) {
        this.orders = orders;
        this.stock = stock;
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        var customer = cancelled.customerId();
        if (cancelled.channel() != Channel.DEAL || customer == null) return;
        for (var line : orders.lines(cancelled.orderId().value())) {
            if (line.kind() == LineKind.DEAL) stock.release(line.refId(), customer.value(), line.quantity());
        }
    }
}

package o2o.orders;

import o2o.identity.CustomersMerged;
import o2o.orders.persistence.OrderRows;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged customer's orders become the target's; moving them again finds none left to move. */
@Component
class OrdersFollowMergedCustomers {

    private final OrderRows rows;

    OrdersFollowMergedCustomers(OrderRows rows) {
        this.rows = rows;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        rows.moveCustomer(merged.sourceId().value(), merged.targetId().value());
    }
}

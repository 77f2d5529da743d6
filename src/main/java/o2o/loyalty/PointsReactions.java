package o2o.loyalty;

import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points and the member's visits follow orders through persisted events: if posting fails (a crash, a deadlock),
 * the publication stays incomplete and is delivered again, and the posting's reference (and the visit's order id)
 * make the second delivery count nothing twice. One listener per event does both, in one transaction, so an order
 * costs the event registry one publication for the whole loyalty module.
 */
@Component
class PointsReactions {

    private final Loyalty loyalty;
    private final MemberActivity activity;

    PointsReactions(Loyalty loyalty, MemberActivity activity) {
        this.loyalty = loyalty;
        this.activity = activity;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        activity.paid(paid);
        loyalty.earnFor(paid);
    }

    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        if (refunded.customerId() == null) return; // a walk-in's refund: no member earned anything to take back
        activity.refunded(refunded);
        loyalty.reverseFor(refunded);
    }
}

package o2o.loyalty;

import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points follow orders through persisted events: if posting fails (a crash, a deadlock), the publication stays
 * incomplete and is delivered again, and the posting's reference makes the second delivery post nothing twice.
 */
@Component
class PointsReactions {

    private final Loyalty loyalty;

    PointsReactions(Loyalty loyalty) {
        this.loyalty = loyalty;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        loyalty.earnFor(paid);
    }

    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        loyalty.reverseFor(refunded);
    }
}

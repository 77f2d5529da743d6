package o2o.mallevents;

import java.time.Clock;

import o2o.mallevents.persistence.SignUpRows;
import o2o.malls.Mall;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import org.springframework.stereotype.Component;

/**
 * The mall cancelled an event, or a customer their own sign-up. The policy is simple: the sign-up ends; a seat not paid
 * yet has its order cancelled, a paid one is refunded in full (once, by the reference naming the sign-up, the same
 * whichever ended it); when the mall cancelled, everyone who held a seat is told.
 */
@Component
class EventCancellations {

    private final SignUpRows signUps;
    private final Orders orders;
    private final EventNotices notices;
    private final Clock clock;

    EventCancellations(SignUpRows signUps, Orders orders, EventNotices notices, Clock clock) {
        this.signUps = signUps;
        this.orders = orders;
        this.notices = notices;
        this.clock = clock;
    }

    void cancelled(Mall mall, MallEvent event) {
        for (var signUp : signUps.cancelAll(event.id(), clock.instant())) {
            giveBack(signUp, "mall event cancelled");
            notices.cancelled(mall, event, signUp);
        }
    }

    /** The customer withdrew this sign-up (its seat already given back): its order is cancelled or refunded. */
    void withdrawn(SignUp signUp) {
        giveBack(signUp, "mall event sign-up cancelled");
    }

    private void giveBack(SignUp signUp, String reason) {
        var order = signUp.orderId();
        if (order == null || orders.cancelUnpaid(order.value(), reason)) return;
        var paid = orders.find(order.value()).filter(o -> o.status() == OrderStatus.PAID);
        if (paid.isPresent()) {
            orders.refund(order.value(), paid.get().total(), "mall-event:" + signUp.id() + ":cancelled");
            signUps.refunded(signUp.id());
        }
    }
}

package o2o.mallevents;

import java.time.Clock;

import o2o.mallevents.persistence.SignUpRows;
import o2o.malls.Mall;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import org.springframework.stereotype.Component;

/**
 * The mall cancelled an event. The policy is simple: every sign-up ends; a seat not paid yet has its order cancelled,
 * a paid one is refunded in full (once, by the reference naming the sign-up); everyone who held a seat is told.
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
            var order = signUp.orderId();
            if (order != null && !orders.cancelUnpaid(order.value(), "mall event cancelled")) {
                var paid = orders.find(order.value()).filter(o -> o.status() == OrderStatus.PAID);
                if (paid.isPresent()) {
                    orders.refund(order.value(), paid.get().total(), "mall-event:" + signUp.id() + ":cancelled");
                    signUps.refunded(signUp.id());
                }
            }
            notices.cancelled(mall, event, signUp);
        }
    }
}

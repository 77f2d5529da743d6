package o2o.orders;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.payments.PaymentSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** What orders do on their own: take note of payments, and cancel orders left unpaid. */
@Component
class OrderReactions {

    private static final Logger log = LoggerFactory.getLogger(OrderReactions.class);

    private final Orders orders;

    OrderReactions(Orders orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded payment) {
        orders.markPaid(payment.orderId().value(), payment.amount());
    }

    @Scheduled(fixedDelayString = "${o2o.orders.cancel-interval:5s}")
    @SchedulerLock(name = "orders.cancel-overdue", lockAtLeastFor = "PT0.2S", lockAtMostFor = "PT10M")
    public void cancelOverdue() {
        for (var orderId : orders.overdue(200)) {
            try {
                orders.cancelIfUnpaid(orderId);
            } catch (RuntimeException e) {
                log.warn("Could not cancel overdue order {}: {}", orderId, e.toString());
            }
        }
    }
}

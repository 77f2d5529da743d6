package o2o.reservations;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What bookings do on their own: follow their deposit's order, and send the reminders that are due. The conditions
 * are checked before the event publication is recorded, so an order of another channel costs these listeners no
 * publication row and no transaction.
 */
@Component
class ReservationReactions {

    private static final Logger log = LoggerFactory.getLogger(ReservationReactions.class);

    private final Reservations reservations;

    ReservationReactions(Reservations reservations) {
        this.reservations = reservations;
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'RESERVATION'")
    void on(OrderPaid paid) {
        reservations.depositPaid(paid.orderId().value());
    }

    @ApplicationModuleListener(condition = "#cancelled.channel().name() == 'RESERVATION'")
    void on(OrderCancelled cancelled) {
        reservations.depositNotPaid(cancelled.orderId().value());
    }

    @Scheduled(fixedDelayString = "${o2o.reservations.reminder-interval:30s}")
    @SchedulerLock(name = "reservations.remind", lockAtLeastFor = "PT10S", lockAtMostFor = "PT10M")
    public void remind() {
        try {
            int sent = reservations.sendDueReminders(200);
            if (sent > 0) log.info("Sent {} booking reminders", sent);
        } catch (RuntimeException e) {
            log.warn("Could not send booking reminders: {}", e.toString());
        }
    }
}

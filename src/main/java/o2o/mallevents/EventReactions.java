package o2o.mallevents;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.orders.Channel;
import o2o.orders.OrderCancelled;
import o2o.orders.OrderPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What sign-ups do on their own. An EVENT order paid or cancelled unpaid moves its sign-up in the same transaction
 * (one conditional update; every other channel costs a comparison), and the due reminders go out.
 */
@Component
class EventReactions {

    private static final Logger log = LoggerFactory.getLogger(EventReactions.class);

    private final EventSignUps signUps;
    private final EventReminders reminders;

    EventReactions(EventSignUps signUps, EventReminders reminders) {
        this.signUps = signUps;
        this.reminders = reminders;
    }

    @EventListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.EVENT) signUps.paid(paid.orderId());
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        if (cancelled.channel() == Channel.EVENT) signUps.notPaid(cancelled.orderId());
    }

    @Scheduled(fixedDelayString = "${o2o.mallevents.reminder-interval:30s}")
    @SchedulerLock(name = "mallevents.remind", lockAtLeastFor = "PT10S", lockAtMostFor = "PT10M")
    public void remind() {
        try {
            int sent = reminders.sendDue(200);
            if (sent > 0) log.info("Sent {} mall event reminders", sent);
        } catch (RuntimeException e) {
            log.warn("Could not send mall event reminders: {}", e.toString());
        }
    }
}

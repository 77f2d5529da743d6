package o2o.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.notifications.persistence.DueMessage;
import o2o.notifications.persistence.OutboxTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages. Rows are claimed with {@code for update skip locked}, so several application nodes can
 * relay side by side without sending a message twice. An in-app message is delivered by being marked so (the outbox
 * row is the customer's inbox); an SMS goes to the carrier. An SMS the carrier cannot take now is tried again after
 * a growing pause (1 s, 2 s, 4 s, ... at most 10 minutes), ten times at most; one it refuses for good is marked
 * failed at once.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final OutboxTable outbox;
    private final TransactionTemplate tx;
    private final MessageSender sender;
    private final Clock clock;

    OutboxRelay(OutboxTable outbox, TransactionTemplate tx, MessageSender sender, Clock clock) {
        this.outbox = outbox;
        this.tx = tx;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.notifications.relay-interval:500ms}")
    @SchedulerLock(name = "notifications.relay", lockAtLeastFor = "PT0.05S", lockAtMostFor = "PT5M")
    public void relay() {
        Integer handled;
        do {
            handled = tx.execute(status -> relayBatch());
        } while (handled != null && handled > 0);
    }

    /**
     * One batch; how many messages were delivered or failed for good (those retried later are not counted). The
     * messages sent are marked so by one statement at the end, in the batch's transaction as before.
     */
    private int relayBatch() {
        int handled = 0;
        var sent = new ArrayList<UUID>();
        for (var due : outbox.claimDue(MAX_ATTEMPTS, clock.instant())) {
            var outcome = deliver(due);
            if (outcome == Outcome.SENT) sent.add(due.message().id());
            if (outcome != Outcome.LATER) handled++;
        }
        outbox.sent(sent, clock.instant());
        return handled;
    }

    private enum Outcome { SENT, FAILED, LATER }

    private Outcome deliver(DueMessage due) {
        var message = due.message();
        try {
            if (message.goesToCarrier()) sender.send(message);
            return Outcome.SENT;
        } catch (MessageRefused e) {
            log.warn("{} to {} refused for good: {}", message.kind(), message.maskedRecipient(), e.getMessage());
            outbox.refused(message.id(), e.getMessage(), clock.instant());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            log.warn("Could not deliver {} to {}: {}", message.kind(), message.maskedRecipient(), e.toString());
            outbox.retryAt(message.id(), e.toString(), clock.instant().plus(backoff(due.attempts())));
            return Outcome.LATER;
        }
    }

    /** The pause after a message's {@code attempts}-th failed attempt (counted from 0). */
    static Duration backoff(int attempts) {
        var pause = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}

package o2o.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import o2o.notifications.Message;
import o2o.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSender sender;
    private final Clock clock;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, MessageSender sender, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.notifications.relay-interval:500ms}")
    void relay() {
        Integer handled;
        do {
            handled = tx.execute(status -> relayBatch());
        } while (handled != null && handled > 0);
    }

    /** One batch; how many messages were delivered or failed for good (those retried later are not counted). */
    private int relayBatch() {
        var batch = jdbc.sql("select " + MessageRows.COLUMNS + """
                        , attempts from notification
                        where sent_at is null and failed_at is null and attempts < :max
                          and (next_attempt_at is null or next_attempt_at <= :now)
                        order by created_at limit 50 for update skip locked
                        """)
                .param("max", MAX_ATTEMPTS)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Due(MessageRows.message(rs, row), rs.getInt("attempts")))
                .list();
        int handled = 0;
        for (var due : batch) {
            var message = due.message();
            try {
                if (message.channel() == Notifications.Channel.SMS) sender.send(message);
                jdbc.sql("update notification set sent_at = :now, attempts = attempts + 1 where id = :id")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", message.id())
                        .update();
                handled++;
            } catch (MessageRefused e) {
                log.warn("{} to {} refused for good: {}", message.kind(), masked(message), e.getMessage());
                jdbc.sql("""
                                update notification set attempts = attempts + 1, last_error = :error, failed_at = :now
                                where id = :id
                                """)
                        .param("error", e.getMessage())
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", message.id())
                        .update();
                handled++;
            } catch (RuntimeException e) {
                log.warn("Could not deliver {} to {}: {}", message.kind(), masked(message), e.toString());
                jdbc.sql("""
                                update notification set attempts = attempts + 1, last_error = :error,
                                    next_attempt_at = :next
                                where id = :id
                                """)
                        .param("error", e.toString())
                        .param("next", clock.instant().plus(backoff(due.attempts())).atOffset(ZoneOffset.UTC))
                        .param("id", message.id())
                        .update();
            }
        }
        return handled;
    }

    private static String masked(Message message) {
        var to = message.recipient();
        return message.channel() == Notifications.Channel.SMS && to.length() == 11
                ? to.substring(0, 3) + "****" + to.substring(7) : to;
    }

    private record Due(Message message, int attempts) {}

    /** The pause after a message's {@code attempts}-th failed attempt (counted from 0). */
    static Duration backoff(int attempts) {
        var pause = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}

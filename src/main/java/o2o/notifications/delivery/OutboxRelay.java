package o2o.notifications.delivery;

import java.time.Clock;
import java.time.ZoneOffset;

import o2o.notifications.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages. Rows are claimed with {@code for update skip locked}, so several application nodes can
 * relay side by side without sending a message twice.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ATTEMPTS = 10;

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
        Integer sent;
        do {
            sent = tx.execute(status -> relayBatch());
        } while (sent != null && sent > 0);
    }

    private int relayBatch() {
        var batch = jdbc.sql("""
                        select id, channel, recipient, body, created_at, sent_at from notification
                        where sent_at is null and attempts < :max
                        order by created_at limit 50 for update skip locked
                        """)
                .param("max", MAX_ATTEMPTS)
                .query(Message.class)
                .list();
        int sent = 0;
        for (var message : batch) {
            try {
                sender.send(message);
                jdbc.sql("update notification set sent_at = :now, attempts = attempts + 1 where id = :id")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", message.id())
                        .update();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Could not deliver {} to {}: {}", message.channel(), message.recipient(), e.toString());
                jdbc.sql("update notification set attempts = attempts + 1, last_error = :error where id = :id")
                        .param("error", e.toString())
                        .param("id", message.id())
                        .update();
            }
        }
        return sent;
    }
}

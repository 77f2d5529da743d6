package o2o.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import o2o.notifications.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages. Rows are claimed with {@code for update skip locked}, so several application nodes can
 * relay side by side without sending a message twice. A message the carrier refuses is tried again after a growing
 * pause (1 s, 2 s, 4 s, ... at most 10 minutes), ten times at most.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);
    private static final DataClassRowMapper<Message> MESSAGE = new DataClassRowMapper<>(Message.class);

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
                        select id, channel, recipient, body, created_at, sent_at, attempts from notification
                        where sent_at is null and attempts < :max
                          and (next_attempt_at is null or next_attempt_at <= :now)
                        order by created_at limit 50 for update skip locked
                        """)
                .param("max", MAX_ATTEMPTS)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Due(MESSAGE.mapRow(rs, row),
                        rs.getInt("attempts")))
                .list();
        int sent = 0;
        for (var due : batch) {
            var message = due.message();
            try {
                sender.send(message);
                jdbc.sql("update notification set sent_at = :now, attempts = attempts + 1 where id = :id")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", message.id())
                        .update();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Could not deliver {} to {}: {}", message.channel(), message.recipient(), e.toString());
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
        return sent;
    }

    private record Due(Message message, int attempts) {}

    /** The pause after a message's {@code attempts}-th failed attempt (counted from 0). */
    static Duration backoff(int attempts) {
        var pause = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}

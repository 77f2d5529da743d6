package o2o.notifications.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.notifications.Message;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.shared.db.WithCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table as the outbox: the one insert, the claim of due messages, their outcomes. */
@Repository
public class OutboxTable {

    private final JdbcClient jdbc;

    public OutboxTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message in the transaction of whoever sends it, written with its commit ({@link WithCommit#write}). */
    public void insert(UUID id, Notifications.Channel channel, String recipient, MessageKind kind,
            Map<String, String> params, String body, Instant now) {
        WithCommit.write(jdbc, """
                        insert into notification (id, channel, recipient, kind, params, body, created_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        """, List.of(id, channel.name(), recipient, kind.name(), MessageRows.json(params), body,
                now.atOffset(ZoneOffset.UTC)));
    }

    public List<Message> latestTo(String recipient, int limit) {
        return jdbc.sql("select " + MessageRows.COLUMNS + """
                         from notification
                        where recipient = :recipient order by created_at desc, id desc limit :limit
                        """)
                .param("recipient", recipient)
                .param("limit", limit)
                .query(MessageRows::message)
                .list();
    }

    /** Claims up to 50 due messages for the caller's transaction; another node's relay skips them meanwhile. */
    public List<DueMessage> claimDue(int maxAttempts, Instant now) {
        return jdbc.sql("select " + MessageRows.COLUMNS + """
                        , attempts from notification
                        where sent_at is null and failed_at is null and attempts < :max
                          and (next_attempt_at is null or next_attempt_at <= :now)
                        order by created_at limit 50 for update skip locked
                        """)
                .param("max", maxAttempts)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new DueMessage(MessageRows.message(rs, row), rs.getInt("attempts")))
                .list();
    }

    /** Marks the messages sent, one statement for a relay's batch. */
    public void sent(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) return;
        jdbc.sql("update notification set sent_at = :now, attempts = attempts + 1 where id = any(:ids)")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    public void refused(UUID id, String error, Instant now) {
        jdbc.sql("""
                        update notification set attempts = attempts + 1, last_error = :error, failed_at = :now
                        where id = :id
                        """)
                .param("error", error)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    public void retryAt(UUID id, String error, Instant next) {
        jdbc.sql("""
                        update notification set attempts = attempts + 1, last_error = :error,
                            next_attempt_at = :next
                        where id = :id
                        """)
                .param("error", error)
                .param("next", next.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }
}

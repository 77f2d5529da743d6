package o2o.notifications.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.notifications.InAppMessage;
import o2o.shared.TimeCursor;
import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table as customers' in-app inboxes: every statement is scoped by the recipient. */
@Repository
public class InboxTable {

    private final JdbcClient jdbc;

    InboxTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, after the cursor's message when there is one. */
    public List<InAppMessage> page(String recipient, @Nullable TimeCursor after, int limit) {
        return jdbc.sql("""
                        select id, body, created_at, read_at from notification
                        where channel = 'IN_APP' and recipient = :me
                          and (cast(:afterAt as timestamptz) is null
                               or (created_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                        order by created_at desc, id desc
                        limit :limit
                        """)
                .param("me", recipient)
                .param("afterAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        after == null ? null : Timestamps.utc(after.at())))
                .param("afterId", new SqlParameterValue(Types.OTHER, after == null ? null : after.id()))
                .param("limit", limit)
                .query(InboxTable::message)
                .list();
    }

    /** One count on a partial index. */
    public long unread(String recipient) {
        return jdbc.sql("""
                        select count(*) from notification where channel = 'IN_APP' and recipient = :me and read_at is null
                        """)
                .param("me", recipient)
                .query(Long.class)
                .single();
    }

    /** Marks one message read, keeping the first time; empty when it is not the recipient's. */
    public Optional<InAppMessage> markRead(String recipient, UUID messageId, Instant now) {
        return jdbc.sql("""
                        update notification set read_at = coalesce(read_at, :now)
                        where id = :id and channel = 'IN_APP' and recipient = :me
                        returning id, body, created_at, read_at
                        """)
                .param("now", Timestamps.utc(now))
                .param("id", messageId)
                .param("me", recipient)
                .query(InboxTable::message)
                .optional();
    }

    public int markRead(String recipient, Collection<UUID> messageIds, Instant now) {
        return jdbc.sql("""
                        update notification set read_at = :now
                        where channel = 'IN_APP' and recipient = :me and read_at is null and id = any(:ids)
                        """)
                .param("now", Timestamps.utc(now))
                .param("me", recipient)
                .param("ids", messageIds.toArray(UUID[]::new))
                .update();
    }

    public int markAllRead(String recipient, Instant now) {
        return jdbc.sql("""
                        update notification set read_at = :now
                        where channel = 'IN_APP' and recipient = :me and read_at is null
                        """)
                .param("now", Timestamps.utc(now))
                .param("me", recipient)
                .update();
    }

    private static InAppMessage message(ResultSet rs, int row) throws SQLException {
        var readAt = rs.getObject("read_at", OffsetDateTime.class);
        return new InAppMessage(rs.getObject("id", UUID.class), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}

package o2o.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.TimeCursor;
import o2o.shared.Problem;
import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One customer's in-app messages. Every statement is scoped by the recipient, so a message id of somebody else's
 * reads as unknown (404) and is never changed. Marking read is idempotent: the first time read stays. Each method is
 * one statement, so it needs no transaction of its own.
 */
public final class Inbox {

    public static final int MAX_LIMIT = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String recipient;

    Inbox(JdbcClient jdbc, Clock clock, UUID customerId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.recipient = customerId.toString();
    }

    /** Newest first; {@code cursor} is the {@code next} of the page before, null for the first page. */
    public Page<InAppMessage> page(@Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("limit", "1 to " + MAX_LIMIT);
        var after = TimeCursor.parse(cursor);
        var rows = jdbc.sql("""
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
                .param("limit", limit + 1)
                .query(Inbox::message)
                .list();
        if (rows.size() <= limit) return new Page<>(rows, null);
        var last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), new TimeCursor(last.createdAt(), last.id()).toString());
    }

    /** How many are unread: one count on a partial index, cheap enough for every page's navigation. */
    public long unread() {
        return jdbc.sql("""
                        select count(*) from notification where channel = 'IN_APP' and recipient = :me and read_at is null
                        """)
                .param("me", recipient)
                .query(Long.class)
                .single();
    }

    /** Marks one message read and returns it; 404 when it is not this customer's. */
    public InAppMessage markRead(UUID messageId) {
        return jdbc.sql("""
                        update notification set read_at = coalesce(read_at, :now)
                        where id = :id and channel = 'IN_APP' and recipient = :me
                        returning id, body, created_at, read_at
                        """)
                .param("now", Timestamps.utc(clock.instant()))
                .param("id", messageId)
                .param("me", recipient)
                .query(Inbox::message)
                .optional()
                .orElseThrow(() -> Problem.notFound("message"));
    }

    /** Marks these messages read (the ones a page has just shown); ids that are not this customer's are ignored. */
    public int markRead(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) return 0;
        return jdbc.sql("""
                        update notification set read_at = :now
                        where channel = 'IN_APP' and recipient = :me and read_at is null and id = any(:ids)
                        """)
                .param("now", Timestamps.utc(clock.instant()))
                .param("me", recipient)
                .param("ids", messageIds.toArray(UUID[]::new))
                .update();
    }

    /** Marks everything read; returns how many were unread. */
    public int markAllRead() {
        return jdbc.sql("""
                        update notification set read_at = :now
                        where channel = 'IN_APP' and recipient = :me and read_at is null
                        """)
                .param("now", Timestamps.utc(clock.instant()))
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

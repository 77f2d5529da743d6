package o2o.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import o2o.notifications.persistence.InboxTable;
import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;

/**
 * One customer's in-app messages. Every statement is scoped by the recipient, so a message id of somebody else's
 * reads as unknown (404) and is never changed. Marking read is idempotent: the first time read stays. Each method is
 * one statement, so it needs no transaction of its own.
 */
public final class Inbox {

    public static final int MAX_LIMIT = 100;

    private final InboxTable table;
    private final Clock clock;
    private final String recipient;

    Inbox(InboxTable table, Clock clock, UUID customerId) {
        this.table = table;
        this.clock = clock;
        this.recipient = customerId.toString();
    }

    /** Newest first; {@code cursor} is the {@code next} of the page before, null for the first page. */
    public Page<InAppMessage> page(@Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("limit", "1 to " + MAX_LIMIT);
        var rows = table.page(recipient, TimeCursor.parse(cursor), limit + 1);
        if (rows.size() <= limit) return new Page<>(rows, null);
        var last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), new TimeCursor(last.createdAt(), last.id()).toString());
    }

    /** How many are unread: one count on a partial index, cheap enough for every page's navigation. */
    public long unread() {
        return table.unread(recipient);
    }

    /** Marks one message read and returns it; 404 when it is not this customer's. */
    public InAppMessage markRead(UUID messageId) {
        return table.markRead(recipient, messageId, clock.instant()).orElseThrow(() -> Problem.notFound("message"));
    }

    /** Marks these messages read (the ones a page has just shown); ids that are not this customer's are ignored. */
    public int markRead(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) return 0;
        return table.markRead(recipient, messageIds, clock.instant());
    }

    /** Marks everything read; returns how many were unread. */
    public int markAllRead() {
        return table.markAllRead(recipient, clock.instant());
    }
}

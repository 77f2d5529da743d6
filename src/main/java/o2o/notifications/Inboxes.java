package o2o.notifications;

import java.time.Clock;
import java.util.UUID;

import o2o.notifications.persistence.InboxTable;
import org.springframework.stereotype.Service;

/**
 * The module's API for reading what {@link Notifications#inApp} queued: a customer's inbox. Whoever asks must have
 * established who the customer is; the inbox only ever shows and changes that customer's messages.
 */
@Service
public class Inboxes {

    private final InboxTable table;
    private final Clock clock;

    Inboxes(InboxTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public Inbox of(UUID customerId) {
        return new Inbox(table, clock, customerId);
    }
}

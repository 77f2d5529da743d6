package o2o.notifications;

import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The module's API for reading what {@link Notifications#inApp} queued: a customer's inbox. Whoever asks must have
 * established who the customer is; the inbox only ever shows and changes that customer's messages.
 */
@Service
public class Inboxes {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inboxes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Inbox of(UUID customerId) {
        return new Inbox(jdbc, clock, customerId);
    }
}

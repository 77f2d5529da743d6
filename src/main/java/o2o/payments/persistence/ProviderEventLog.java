package o2o.payments.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_webhook_event} table: each provider event's id, recorded with the change it causes. */
@Repository
public class ProviderEventLog {

    private final JdbcClient jdbc;

    ProviderEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the event had been recorded before: it was applied then. */
    public boolean recordFirst(String provider, String eventId, Instant now) {
        return jdbc.sql("""
                        insert into payment_webhook_event (provider, event_id, received_at) values (:p, :e, :now)
                        on conflict do nothing
                        """)
                .param("p", provider)
                .param("e", eventId)
                .param("now", utc(now))
                .update() > 0;
    }
}

package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery_callback table: a provider's event is taken once, by its id. */
@Repository
public class CallbackRows {

    private final JdbcClient jdbc;

    CallbackRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this event arrives, false on every repeat. */
    public boolean first(String provider, String eventId, UUID orderId, Instant now) {
        return jdbc.sql("""
                        insert into delivery_callback (provider, event_id, order_id, received_at)
                        values (:provider, :event, :order, :now)
                        on conflict do nothing
                        """)
                .param("provider", provider)
                .param("event", eventId)
                .param("order", orderId)
                .param("now", utc(now))
                .update() == 1;
    }
}

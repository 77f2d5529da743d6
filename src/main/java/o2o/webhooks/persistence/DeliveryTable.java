package o2o.webhooks.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.webhooks.WebhookDelivery;
import o2o.webhooks.delivery.DueDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_delivery} table; each delivery is read with its attempts from the {@link AttemptLog}. */
@Repository
public class DeliveryTable {

    private static final int RECENT = 50;

    private final JdbcClient jdbc;
    private final AttemptLog log;

    DeliveryTable(JdbcClient jdbc, AttemptLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Queues an event for an endpoint, once per (endpoint, event); returns 1 when it was new, else 0. */
    public int insert(UUID id, UUID endpointId, UUID merchantId, UUID eventId, String type, String payload,
            Instant now) {
        return jdbc.sql("""
                        insert into webhook_delivery (id, endpoint_id, merchant_id, event_id, event_type, payload,
                            status, next_attempt_at, created_at)
                        select :id, :endpoint, :m, :event, :type, :payload, 'PENDING', :now, :now
                        where exists (select 1 from webhook_endpoint where id = :endpoint and merchant_id = :m)
                        on conflict (endpoint_id, event_id, merchant_id) do nothing
                        """)
                .param("id", id).param("endpoint", endpointId).param("m", merchantId)
                .param("event", eventId).param("type", type).param("payload", payload)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Starts a new round of attempts of a failed delivery; false when it was not failed (or not found). */
    public boolean restart(UUID id, UUID endpointId, UUID merchantId, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', round_start = attempts, next_attempt_at = :now
                        where id = :id and endpoint_id = :endpoint and merchant_id = :m and status = 'FAILED'
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id).param("endpoint", endpointId).param("m", merchantId)
                .update() > 0;
    }

    /** The endpoint's most recent deliveries, newest first, each with its attempts. */
    public List<WebhookDelivery> recent(UUID endpointId) {
        return deliveriesOf(endpointId, "", Map.of());
    }

    public List<WebhookDelivery> ofEvent(UUID endpointId, UUID eventId) {
        return deliveriesOf(endpointId, "and d.event_id = :event", Map.of("event", eventId));
    }

    public List<WebhookDelivery> byId(UUID endpointId, UUID id) {
        return deliveriesOf(endpointId, "and d.id = :id", Map.of("id", id));
    }

    /** Claims due deliveries for the caller's transaction; another node's relay skips them meanwhile. */
    public List<DueDelivery> claimDue(Instant now, int batch) {
        return jdbc.sql("""
                        select d.id, d.event_id, d.event_type, d.payload, d.attempts, d.round_start, e.url, e.secret
                        from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                        where d.status = 'PENDING' and d.next_attempt_at <= :now
                        order by d.next_attempt_at limit :batch
                        for update of d skip locked
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("batch", batch)
                .query((rs, row) -> new DueDelivery(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getInt("round_start"), rs.getString("url"), rs.getString("secret")))
                .list();
    }

    public void delivered(UUID id, int attempts, Instant now) {
        jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERED', attempts = :no, delivered_at = :now,
                            next_attempt_at = null
                        where id = :id
                        """)
                .param("no", attempts).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id)
                .update();
    }

    /** Not accepted: PENDING again with its next attempt, or FAILED with none. */
    public void notAccepted(UUID id, WebhookDelivery.Status status, int attempts, @Nullable Instant next) {
        jdbc.sql("""
                        update webhook_delivery set status = :status, attempts = :no, next_attempt_at = :next
                        where id = :id
                        """)
                .param("status", status.name()).param("no", attempts)
                .param("next", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        next == null ? null : next.atOffset(ZoneOffset.UTC)))
                .param("id", id)
                .update();
    }

    private List<WebhookDelivery> deliveriesOf(UUID endpointId, String condition, Map<String, Object> params) {
        var deliveries = jdbc.sql("""
                        select d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts,
                               d.next_attempt_at, d.created_at, d.delivered_at
                        from webhook_delivery d where d.endpoint_id = :endpoint %s
                        order by d.created_at desc, d.id desc limit %d
                        """.formatted(condition, RECENT))
                .param("endpoint", endpointId).params(params)
                .query(DeliveryTable::delivery).list();
        if (deliveries.isEmpty()) return deliveries;
        var attempts = log.of(deliveries.stream().map(WebhookDelivery::id).toArray(UUID[]::new));
        var withLog = new ArrayList<WebhookDelivery>(deliveries.size());
        for (var d : deliveries) {
            withLog.add(new WebhookDelivery(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.payload(), d.status(),
                    d.attempts(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt(),
                    List.copyOf(attempts.getOrDefault(d.id(), List.of()))));
        }
        return withLog;
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("delivered_at")), List.of());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

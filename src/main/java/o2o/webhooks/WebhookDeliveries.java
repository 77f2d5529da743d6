package o2o.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries: an event becomes one delivery per endpoint that subscribed to its type, keyed by (endpoint, event) so
 * that the same event recorded twice makes no second delivery. The relay sends them; this reads their log and lets
 * the merchant send a failed one again or send a test event.
 */
@Service
public class WebhookDeliveries {

    private static final int RECENT = 50;

    private final JdbcClient jdbc;
    private final WebhookEndpoints endpoints;
    private final JsonMapper json;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, WebhookEndpoints endpoints, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the event for each of the merchant's endpoints subscribed to its type; returns how many were new. The
     * data is only gathered when some endpoint wants it (most merchants have none).
     */
    @Transactional
    public int record(EventType type, UUID eventId, UUID merchantId, Instant created,
            Supplier<Map<String, @Nullable Object>> data) {
        var subscribed = endpoints.subscribedTo(merchantId, type);
        if (subscribed.isEmpty()) return 0;
        var payload = payload(eventId, type.wireName(), created, merchantId, data.get());
        int queued = 0;
        for (var endpoint : subscribed) {
            queued += queue(endpoint, merchantId, eventId, type.wireName(), payload);
        }
        return queued;
    }

    /** A {@value EventType#TEST} event to one endpoint, whatever it subscribed to, to try the receiving side. */
    @Transactional
    public WebhookDelivery sendTest(StaffPrincipal staff, UUID endpointId) {
        var endpoint = endpoints.find(staff, endpointId);
        var eventId = Ids.next();
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("message", "This is a test event from o2o.");
        data.put("endpointId", endpoint.id().toString());
        queue(endpoint.id(), endpoint.merchantId(), eventId, EventType.TEST,
                payload(eventId, EventType.TEST, clock.instant(), endpoint.merchantId(), data));
        return deliveriesOf(endpoint.id(), "and d.event_id = :event", Map.of("event", eventId)).getFirst();
    }

    /** Starts a new round of attempts for a delivery that failed; the log keeps the earlier ones. */
    @Transactional
    public WebhookDelivery sendAgain(StaffPrincipal staff, UUID endpointId, UUID deliveryId) {
        var endpoint = endpoints.find(staff, endpointId);
        int restarted = jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', round_start = attempts, next_attempt_at = :now
                        where id = :id and endpoint_id = :endpoint and merchant_id = :m and status = 'FAILED'
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", deliveryId).param("endpoint", endpoint.id()).param("m", endpoint.merchantId())
                .update();
        var delivery = deliveriesOf(endpoint.id(), "and d.id = :id", Map.of("id", deliveryId)).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("delivery"));
        if (restarted == 0) {
            throw new Problem(HttpStatus.CONFLICT, "webhook-delivery-not-failed",
                    "only a failed delivery can be sent again");
        }
        return delivery;
    }

    /** The endpoint's most recent deliveries, newest first, each with its attempts. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> recent(StaffPrincipal staff, UUID endpointId) {
        return deliveriesOf(endpoints.find(staff, endpointId).id(), "", Map.of());
    }

    private int queue(UUID endpointId, UUID merchantId, UUID eventId, String type, String payload) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into webhook_delivery (id, endpoint_id, merchant_id, event_id, event_type, payload,
                            status, next_attempt_at, created_at)
                        values (:id, :endpoint, :m, :event, :type, :payload, 'PENDING', :now, :now)
                        on conflict (endpoint_id, event_id) do nothing
                        """)
                .param("id", Ids.next()).param("endpoint", endpointId).param("m", merchantId)
                .param("event", eventId).param("type", type).param("payload", payload).param("now", now)
                .update();
    }

    private String payload(UUID eventId, String type, Instant created, UUID merchantId,
            Map<String, @Nullable Object> data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", eventId.toString());
        body.put("type", type);
        body.put("created", created.toString());
        body.put("merchantId", merchantId.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    private List<WebhookDelivery> deliveriesOf(UUID endpointId, String condition, Map<String, Object> params) {
        var deliveries = jdbc.sql("""
                        select d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts,
                               d.next_attempt_at, d.created_at, d.delivered_at
                        from webhook_delivery d where d.endpoint_id = :endpoint %s
                        order by d.created_at desc, d.id desc limit %d
                        """.formatted(condition, RECENT))
                .param("endpoint", endpointId).params(params)
                .query(WebhookDeliveries::delivery).list();
        if (deliveries.isEmpty()) return deliveries;
        var ids = deliveries.stream().map(WebhookDelivery::id).toArray(UUID[]::new);
        var attempts = jdbc.sql("""
                        select delivery_id, attempt_no, attempted_at, status_code, error, duration_ms
                        from webhook_attempt where delivery_id = any(:ids) order by delivery_id, attempt_no
                        """)
                .param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("delivery_id", UUID.class), new WebhookDelivery.Attempt(
                        rs.getInt("attempt_no"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
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

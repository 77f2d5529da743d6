package o2o.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.webhooks.persistence.DeliveryTable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

    private final DeliveryTable table;
    private final WebhookEndpoints endpoints;
    private final JsonMapper json;
    private final Clock clock;

    WebhookDeliveries(DeliveryTable table, WebhookEndpoints endpoints, JsonMapper json, Clock clock) {
        this.table = table;
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the event for each of the merchant's endpoints subscribed to its type; returns how many were new. The
     * data is only gathered when some endpoint wants it (most merchants have none).
     */
    @Transactional
    public int record(EventType type, UUID eventId, MerchantId merchant, Instant created,
            Supplier<Map<String, @Nullable Object>> data) {
        var merchantId = merchant.value();
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
        return table.ofEvent(endpoint.id(), eventId).getFirst();
    }

    /** Starts a new round of attempts for a delivery that failed; the log keeps the earlier ones. */
    @Transactional
    public WebhookDelivery sendAgain(StaffPrincipal staff, UUID endpointId, UUID deliveryId) {
        var endpoint = endpoints.find(staff, endpointId);
        boolean restarted = table.restart(deliveryId, endpoint.id(), endpoint.merchantId(), clock.instant());
        var delivery = table.byId(endpoint.id(), deliveryId).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("delivery"));
        if (!restarted) {
            throw new Problem(HttpStatus.CONFLICT, "webhook-delivery-not-failed",
                    "only a failed delivery can be sent again");
        }
        return delivery;
    }

    /** The endpoint's most recent deliveries, newest first, each with its attempts. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> recent(StaffPrincipal staff, UUID endpointId) {
        return table.recent(endpoints.find(staff, endpointId).id());
    }

    private int queue(UUID endpointId, UUID merchantId, UUID eventId, String type, String payload) {
        return table.insert(Ids.next(), endpointId, merchantId, eventId, type, payload, clock.instant());
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
}

package o2o.delivery.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import o2o.delivery.CourierProvider;
import o2o.delivery.DeliveryStatus;
import o2o.delivery.Distance;
import o2o.delivery.persistence.SandboxJobRows;
import o2o.delivery.persistence.SandboxJobRows.Step;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our adapter for the sandbox fleet, and the fleet's front desk in one: a request becomes a job in the fleet's own
 * table (one per order, whoever asks again), priced at a base plus a price per started kilometre; {@link SandboxFleet}
 * then carries it (unless it goes to the hold contact: then a tester reports its steps by hand, as a fleet's
 * simulator lets one), reporting each step to our callback endpoint as a real fleet would. Exists only where {@code
 * o2o.delivery.providers.sandbox.enabled} is on (demo, dev and test runs).
 */
@Component
@ConditionalOnBooleanProperty("o2o.delivery.providers.sandbox.enabled")
class SandboxCourierProvider implements CourierProvider {

    static final String NAME = "sandbox";
    private static final String[] RIDERS = {"张师傅", "李师傅", "王师傅", "赵师傅", "陈师傅"};

    private final SandboxJobRows jobs;
    private final SandboxFleetSignature signature;
    private final SandboxFleetProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SandboxCourierProvider(SandboxJobRows jobs, SandboxFleetSignature signature, SandboxFleetProperties properties,
            JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.signature = signature;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int courierMinutes() {
        return (int) Math.max(1, properties.assignAfter().plus(properties.pickUpAfter()).toMinutes());
    }

    @Override
    public Accepted request(CourierProvider.Job job) {
        var orderId = UUID.fromString(job.orderId());
        var existing = jobs.ofOrder(orderId);
        if (existing.isPresent()) return accepted(existing.get());
        var km = (long) Math.ceil(Distance.meters(job.from(), job.to()) / 1000);
        var price = new Money(properties.basePriceMinor() + km * properties.perKmMinor(), job.goods().currency());
        int rider = Math.floorMod(orderId.hashCode(), RIDERS.length);
        var now = clock.instant();
        jobs.insert(new SandboxJobRows.Job("sbxc_" + UUID.randomUUID().toString().replace("-", ""), orderId, Step.REQUESTED,
                job.from(), job.to(), price, RIDERS[rider], "1380013%04d".formatted(Math.floorMod(
                        orderId.getLeastSignificantBits(), 10_000)), job.contact().equals(properties.holdContact()), 0,
                now.plus(properties.assignAfter())), now);
        // of two asking at once, the one that lost the insert reads the winner's job
        return accepted(jobs.ofOrder(orderId).orElseThrow());
    }

    @Override
    public void cancel(String reference) {
        jobs.cancel(reference, clock.instant());
    }

    @Override
    public Callback verify(HttpHeaders headers, String body) {
        signature.verify(headers, body);
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInput("body", "not JSON");
        }
        var eventId = text(node, "eventId");
        var reference = text(node, "orderRef");
        if (eventId == null || eventId.length() > 100) throw new InvalidInput("eventId", "an event id");
        if (reference == null) throw new InvalidInput("orderRef", "the fleet's reference of the job");
        var status = status(text(node, "status"));
        GeoPoint position = null;
        if (node.path("lat").isNumber() && node.path("lng").isNumber()) {
            position = new GeoPoint(node.path("lat").asDouble(), node.path("lng").asDouble());
        }
        Instant occurredAt;
        try {
            var at = text(node, "occurredAt");
            occurredAt = at == null ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("occurredAt", "an ISO-8601 instant");
        }
        return new Callback(eventId, reference, status, text(node, "riderName"), text(node, "riderPhone"), position,
                occurredAt);
    }

    /** The fleet's words for where a job stands, in ours; null for a report that moves nothing. */
    static @Nullable DeliveryStatus status(@Nullable String word) {
        if (word == null) throw new InvalidInput("status", "the fleet's status of the job");
        return switch (word) {
            case "ASSIGNED" -> DeliveryStatus.COURIER_ASSIGNED;
            case "ARRIVED", "DELIVERING" -> null;
            case "PICKED_UP" -> DeliveryStatus.PICKED_UP;
            case "DELIVERED" -> DeliveryStatus.DELIVERED;
            case "CANCELLED" -> DeliveryStatus.CANCELLED;
            case "RETURNED" -> DeliveryStatus.RETURNED;
            default -> throw new InvalidInput("status", "one of the fleet's statuses");
        };
    }

    private static Accepted accepted(SandboxJobRows.Job job) {
        return new Accepted(job.reference(), job.price());
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}

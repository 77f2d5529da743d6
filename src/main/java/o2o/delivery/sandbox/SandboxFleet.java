package o2o.delivery.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;

import o2o.delivery.persistence.SandboxJobRows;
import o2o.delivery.persistence.SandboxJobRows.Job;
import o2o.delivery.persistence.SandboxJobRows.Step;
import o2o.shared.GeoPoint;
import o2o.shared.PerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox fleet's riders: each due job takes its next step (a rider found near the store, the pick-up, a position
 * half way, the door) after the configured delays, and the step is reported to the platform's callback endpoint over
 * real HTTP, signed as {@link SandboxFleetSignature} says. A step whose callback is not answered 2xx is sent again
 * (same event id) after a back-off of 1 s doubling to 5 minutes; it is taken only once it was answered.
 */
@Component
@ConditionalOnBooleanProperty("o2o.delivery.providers.sandbox.enabled")
class SandboxFleet {

    private static final Logger log = LoggerFactory.getLogger(SandboxFleet.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final double METERS_PER_DEGREE = Math.PI * 6_371_008.8 / 180;

    private final SandboxJobRows jobs;
    private final SandboxFleetSignature signature;
    private final SandboxFleetProperties properties;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxFleet(SandboxJobRows jobs, SandboxFleetSignature signature, SandboxFleetProperties properties,
            TransactionTemplate tx, JsonMapper json, Environment environment, Clock clock) {
        this.jobs = jobs;
        this.signature = signature;
        this.properties = properties;
        this.tx = tx;
        this.json = json;
        this.environment = environment;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.delivery.providers.sandbox.step-interval:1s}")
    @PerNode("the sandbox fleet calls the node it runs on; its jobs are taken with skip locked")
    void ride() {
        var port = environment.getProperty("local.server.port");
        if (properties.callbackUrl().isBlank() && port == null) return; // not serving yet
        var url = properties.callbackUrl().isBlank()
                ? "http://127.0.0.1:" + port + "/api/v1/delivery/callbacks/" + SandboxCourierProvider.NAME
                : properties.callbackUrl();
        Integer stepped;
        do {
            stepped = tx.execute(status -> step(url));
        } while (stepped != null && stepped > 0);
    }

    /** Takes the next step of a batch of due jobs; answers how many moved on. */
    private int step(String url) {
        int moved = 0;
        for (var job : jobs.due(clock.instant(), 20)) {
            var next = next(job.step());
            var now = clock.instant();
            if (report(url, job, next)) {
                if (jobs.stepped(job.reference(), job.step(), next, now.plus(after(next)), now)) moved++;
            } else {
                var backoff = Duration.ofSeconds(1L << Math.min(job.attempts(), 9));
                jobs.retryAt(job.reference(), now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff),
                        now);
            }
        }
        return moved;
    }

    private static Step next(Step step) {
        return switch (step) {
            case REQUESTED -> Step.ASSIGNED;
            case ASSIGNED -> Step.PICKED_UP;
            case PICKED_UP -> Step.EN_ROUTE;
            case EN_ROUTE -> Step.DELIVERED;
            case DELIVERED, CANCELLED -> throw new IllegalStateException("a finished job takes no step");
        };
    }

    /** How long the step after {@code reached} takes. */
    private Duration after(Step reached) {
        return switch (reached) {
            case ASSIGNED -> properties.pickUpAfter();
            case PICKED_UP, EN_ROUTE -> properties.deliverAfter().dividedBy(2);
            default -> Duration.ZERO;
        };
    }

    private boolean report(String url, Job job, Step step) {
        var at = switch (step) {
            case ASSIGNED -> new GeoPoint(job.from().lat() - 300 / METERS_PER_DEGREE, job.from().lng());
            case PICKED_UP -> job.from();
            case EN_ROUTE -> new GeoPoint((job.from().lat() + job.to().lat()) / 2,
                    (job.from().lng() + job.to().lng()) / 2);
            default -> job.to();
        };
        var body = new LinkedHashMap<String, Object>();
        body.put("eventId", job.reference() + ":" + step.name());
        body.put("orderRef", job.reference());
        body.put("status", step == Step.EN_ROUTE ? "DELIVERING" : step.name());
        body.put("riderName", job.riderName());
        body.put("riderPhone", job.riderPhone());
        body.put("lat", at.lat());
        body.put("lng", at.lng());
        body.put("occurredAt", clock.instant().toString());
        return post(url, json.writeValueAsString(body));
    }

    private boolean post(String url, String body) {
        var timestamp = clock.instant().getEpochSecond();
        var nonce = UUID.randomUUID().toString().replace("-", "");
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SandboxFleetSignature.TIMESTAMP, Long.toString(timestamp))
                .header(SandboxFleetSignature.NONCE, nonce)
                .header(SandboxFleetSignature.SIGNATURE, signature.sign(timestamp, nonce, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) return true;
            log.warn("Sandbox fleet callback refused with {}: {}", response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            log.warn("Sandbox fleet callback not delivered: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

}

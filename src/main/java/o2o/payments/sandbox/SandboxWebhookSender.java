package o2o.payments.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the gateway's webhooks over real HTTP, like a gateway would: signed, one at a time per event, retried with
 * exponential back-off (1 s, 2 s, 4 s, …) until acknowledged with a 2xx, for at most ten attempts.
 */
@Component
class SandboxWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookSender.class);
    private static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SandboxSignature signature;
    private final SandboxProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxWebhookSender(JdbcClient jdbc, TransactionTemplate tx, SandboxSignature signature,
            SandboxProperties properties, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.signature = signature;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.payments.sandbox.delivery-interval:200ms}")
    void deliver() {
        var port = environment.getProperty("local.server.port");
        if (properties.webhookUrl().isBlank() && port == null) return; // not serving yet
        var url = properties.webhookUrl().isBlank()
                ? "http://127.0.0.1:" + port + "/api/v1/payments/webhooks/sandbox"
                : properties.webhookUrl();
        Integer sent;
        do {
            sent = tx.execute(status -> deliverBatch(url));
        } while (sent != null && sent > 0);
    }

    private int deliverBatch(String url) {
        var due = jdbc.sql("""
                        select event_id, payload, attempts from sandbox_webhook
                        where delivered_at is null and attempts < :max and next_attempt_at <= :now
                        order by next_attempt_at limit 20 for update skip locked
                        """)
                .param("max", MAX_ATTEMPTS)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Due(rs.getString("event_id"), rs.getString("payload"), rs.getInt("attempts")))
                .list();
        int delivered = 0;
        for (var webhook : due) {
            if (send(url, webhook.payload())) {
                jdbc.sql("update sandbox_webhook set delivered_at = :now, attempts = attempts + 1 where event_id = :id")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", webhook.eventId())
                        .update();
                delivered++;
            } else {
                var backoff = Duration.ofSeconds(1L << Math.min(webhook.attempts(), 10));
                jdbc.sql("""
                                update sandbox_webhook set attempts = attempts + 1, next_attempt_at = :next
                                where event_id = :id
                                """)
                        .param("next", clock.instant().plus(backoff).atOffset(ZoneOffset.UTC))
                        .param("id", webhook.eventId())
                        .update();
            }
        }
        return delivered;
    }

    private boolean send(String url, String payload) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(SandboxSignature.HEADER, signature.sign(clock.instant().getEpochSecond(), payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) return true;
            log.warn("Sandbox webhook refused with {}", response.statusCode());
        } catch (IOException e) {
            log.warn("Sandbox webhook not delivered: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private record Due(String eventId, String payload, int attempts) {}
}

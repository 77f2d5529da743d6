package o2o.payments.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import o2o.shared.PerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the gateway's webhooks over real HTTP, like a gateway would: signed, up to 50 at once (each event by one
 * sender only), retried with exponential back-off (1 s, 2 s, 4 s, …) until acknowledged with a 2xx, for at most ten
 * attempts.
 */
@Component
@ConditionalOnBooleanProperty("o2o.payments.sandbox.enabled")
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
    @PerNode("the sandbox gateway calls the node it runs on; its rows are taken with skip locked")
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

    /** Sends a batch of due webhooks at once, as a gateway's delivery workers would, and records each outcome. */
    private int deliverBatch(String url) {
        var due = jdbc.sql("""
                        select event_id, payload, attempts from sandbox_webhook
                        where delivered_at is null and attempts < :max and next_attempt_at <= :now
                        order by next_attempt_at limit 50 for update skip locked
                        """)
                .param("max", MAX_ATTEMPTS)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Due(rs.getString("event_id"), rs.getString("payload"), rs.getInt("attempts")))
                .list();
        var sent = due.stream().map(webhook -> send(url, webhook.payload())).toList();
        var delivered = new ArrayList<String>();
        for (int i = 0; i < due.size(); i++) {
            var webhook = due.get(i);
            if (sent.get(i).join()) {
                delivered.add(webhook.eventId());
                continue;
            }
            var backoff = Duration.ofSeconds(1L << Math.min(webhook.attempts(), 10));
            jdbc.sql("""
                            update sandbox_webhook set attempts = attempts + 1, next_attempt_at = :next
                            where event_id = :id
                            """)
                    .param("next", clock.instant().plus(backoff).atOffset(ZoneOffset.UTC))
                    .param("id", webhook.eventId())
                    .update();
        }
        if (!delivered.isEmpty()) {
            jdbc.sql("""
                            update sandbox_webhook set delivered_at = :now, attempts = attempts + 1
                            where event_id = any(:ids)
                            """)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("ids", delivered.toArray(String[]::new))
                    .update();
        }
        return delivered.size();
    }

    private CompletableFuture<Boolean> send(String url, String payload) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SandboxSignature.HEADER, signature.sign(clock.instant().getEpochSecond(), payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                log.warn("Sandbox webhook not delivered: {}", failure.toString());
                return false;
            }
            if (response.statusCode() / 100 == 2) return true;
            log.warn("Sandbox webhook refused with {}", response.statusCode());
            return false;
        });
    }

    private record Due(String eventId, String payload, int attempts) {}
}

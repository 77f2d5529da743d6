package o2o.webhooks.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import o2o.webhooks.WebhookEndpoints;
import o2o.webhooks.WebhookProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries over HTTP, a batch at once. Rows are claimed with {@code for update skip locked}, so several
 * nodes relay side by side and no delivery goes out twice at the same time. Anything but a 2xx is tried again after a
 * pause that doubles each time ({@code o2o.webhooks.first-pause}, then twice that, ...), up to
 * {@code o2o.webhooks.max-attempts} attempts, after which the delivery is marked failed. Every attempt is logged.
 * Redirects are not followed: an endpoint answers for itself.
 */
@Component
class WebhookRelay {

    private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);
    private static final int BATCH = 20;
    private static final int MAX_ERROR_LENGTH = 300;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    WebhookRelay(JdbcClient jdbc, TransactionTemplate tx, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2o.webhooks.delivery-interval:500ms}")
    void relay() {
        Integer sent;
        do {
            sent = tx.execute(status -> relayBatch());
        } while (sent != null && sent == BATCH);
    }

    private int relayBatch() {
        var due = jdbc.sql("""
                        select d.id, d.event_id, d.event_type, d.payload, d.attempts, d.round_start, e.url, e.secret
                        from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                        where d.status = 'PENDING' and d.next_attempt_at <= :now
                        order by d.next_attempt_at limit :batch
                        for update of d skip locked
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("batch", BATCH)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getInt("round_start"), rs.getString("url"), rs.getString("secret")))
                .list();
        var outcomes = due.stream().map(this::send).toList();
        for (int i = 0; i < due.size(); i++) record(due.get(i), outcomes.get(i).join());
        return due.size();
    }

    private CompletableFuture<Outcome> send(Due delivery) {
        var startedAt = clock.instant();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            var uri = URI.create(delivery.url());
            if (!properties.allowLoopback() && resolvesInternally(uri.getHost())) {
                return CompletableFuture.completedFuture(
                        new Outcome(startedAt, null, "refused: the host resolves to an internal address", 0));
            }
            request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "o2o-webhooks/1")
                    .header("O2o-Event-Id", delivery.eventId().toString())
                    .header("O2o-Event-Type", delivery.eventType())
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.sign(delivery.secret(), startedAt.getEpochSecond(), delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(startedAt, null, describe(e), 0));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (failure != null) return new Outcome(startedAt, null, describe(failure), ms);
            return new Outcome(startedAt, response.statusCode(), null, ms);
        });
    }

    private void record(Due delivery, Outcome outcome) {
        int number = delivery.attempts() + 1;
        jdbc.sql("""
                        insert into webhook_attempt (delivery_id, attempt_no, attempted_at, status_code, error,
                            duration_ms)
                        values (:id, :no, :at, :code, :error, :ms)
                        """)
                .param("id", delivery.id()).param("no", number)
                .param("at", outcome.at().atOffset(ZoneOffset.UTC))
                .param("code", new SqlParameterValue(Types.INTEGER, outcome.statusCode()))
                .param("error", new SqlParameterValue(Types.VARCHAR, outcome.error()))
                .param("ms", outcome.durationMs())
                .update();
        var now = clock.instant();
        if (outcome.succeeded()) {
            jdbc.sql("""
                            update webhook_delivery set status = 'DELIVERED', attempts = :no, delivered_at = :now,
                                next_attempt_at = null
                            where id = :id
                            """)
                    .param("no", number).param("now", now.atOffset(ZoneOffset.UTC)).param("id", delivery.id())
                    .update();
            return;
        }
        int failedInRound = number - delivery.roundStart();
        boolean givingUp = failedInRound >= properties.maxAttempts();
        log.warn("Webhook {} to {} not accepted (attempt {}): {}", delivery.eventId(), delivery.url(), number,
                outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error());
        jdbc.sql("""
                        update webhook_delivery set status = :status, attempts = :no, next_attempt_at = :next
                        where id = :id
                        """)
                .param("status", givingUp ? "FAILED" : "PENDING").param("no", number)
                .param("next", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        givingUp ? null : now.plus(properties.pauseAfter(failedInRound)).atOffset(ZoneOffset.UTC)))
                .param("id", delivery.id())
                .update();
    }

    /** A name that was public when the endpoint was saved may since point inside; checked again before each attempt. */
    private static boolean resolvesInternally(@Nullable String host) {
        if (host == null || WebhookEndpoints.isInternal(host)) return true;
        try {
            for (var address : InetAddress.getAllByName(host)) {
                if (WebhookEndpoints.isInternal(address.getHostAddress())) return true;
            }
            return false;
        } catch (UnknownHostException e) {
            return false; // the attempt itself fails and is logged with the resolver's error
        }
    }

    private static String describe(Throwable failure) {
        var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        var text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private record Due(UUID id, UUID eventId, String eventType, String payload, int attempts, int roundStart,
            String url, String secret) {}

    private record Outcome(Instant at, @Nullable Integer statusCode, @Nullable String error,
            long durationMs) {

        boolean succeeded() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }
}

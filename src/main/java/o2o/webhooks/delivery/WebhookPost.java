package o2o.webhooks.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import o2o.webhooks.InternalHosts;
import o2o.webhooks.WebhookDelivery.Attempt;
import o2o.webhooks.WebhookProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One signed POST of a delivery to its endpoint, answered by the attempt it makes: the status code, or the error when
 * there was no answer. Redirects are not followed: an endpoint answers for itself.
 */
@Component
class WebhookPost {

    private static final int MAX_ERROR_LENGTH = 300;

    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    WebhookPost(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    CompletableFuture<Attempt> send(DueDelivery delivery) {
        var startedAt = clock.instant();
        long started = System.nanoTime();
        int number = delivery.attemptNo();
        HttpRequest request;
        try {
            var uri = URI.create(delivery.url());
            if (!properties.allowLoopback() && resolvesInternally(uri.getHost())) {
                return CompletableFuture.completedFuture(
                        new Attempt(number, startedAt, null, "refused: the host resolves to an internal address", 0));
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
            return CompletableFuture.completedFuture(new Attempt(number, startedAt, null, describe(e), 0));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (failure != null) return new Attempt(number, startedAt, null, describe(failure), ms);
            return new Attempt(number, startedAt, response.statusCode(), null, ms);
        });
    }

    /** A name that was public when the endpoint was saved may since point inside; checked again before each attempt. */
    private static boolean resolvesInternally(@Nullable String host) {
        if (host == null || InternalHosts.isInternal(host)) return true;
        try {
            for (var address : InetAddress.getAllByName(host)) {
                if (InternalHosts.isInternal(address.getHostAddress())) return true;
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
}

package o2o.webhooks.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.webhooks.WebhookEndpoint;
import o2o.webhooks.WebhookEndpoints;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantWebhookEndpointResponse")
record EndpointResponse(UUID id, String url, @Nullable String description, List<String> eventTypes,
        Instant createdAt, Instant updatedAt, @Nullable String secret) {

    static EndpointResponse of(WebhookEndpoint e, @Nullable String secret) {
        return new EndpointResponse(e.id(), e.url(), e.description(), e.eventTypes(), e.createdAt(),
                e.updatedAt(), secret);
    }

    static EndpointResponse of(WebhookEndpoints.WithSecret created) {
        return of(created.endpoint(), created.secret());
    }
}

package o2o.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A URL of the merchant's that receives the events it subscribed to. Its secret is never part of this view. */
public record WebhookEndpoint(UUID id, UUID merchantId, String url, @Nullable String description,
        List<String> eventTypes, Instant createdAt, Instant updatedAt) {}

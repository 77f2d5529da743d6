package o2o.payments;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a provider told us in a verified webhook.
 *
 * @param eventId the provider's id of this notification, the key that makes processing exactly-once
 * @param subject our payment id (payment events) or refund id (refund events)
 */
public record ProviderEvent(String provider, String eventId, Type type, UUID subject, @Nullable String providerRef) {

    public enum Type { PAYMENT_SUCCEEDED, PAYMENT_FAILED, REFUND_SUCCEEDED }
}

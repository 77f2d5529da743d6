package o2o.payments;

import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a provider told us in a verified notification (or answered when asked).
 *
 * @param eventId the provider's id of this notification, the key that makes processing exactly-once
 * @param subject our payment id (payment events) or refund id (refund events)
 * @param amount what the provider says was paid; a payment whose amount differs is not taken as paid
 */
public record ProviderEvent(String provider, String eventId, Type type, UUID subject, @Nullable String providerRef,
        @Nullable Money amount) {

    public ProviderEvent(String provider, String eventId, Type type, UUID subject, @Nullable String providerRef) {
        this(provider, eventId, type, subject, providerRef, null);
    }

    public enum Type { PAYMENT_SUCCEEDED, PAYMENT_FAILED, REFUND_SUCCEEDED }
}

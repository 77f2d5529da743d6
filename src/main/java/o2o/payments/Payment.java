package o2o.payments;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

public record Payment(UUID id, UUID orderId, UUID merchantId, UUID customerId, String provider, Status status,
        Money amount, String providerRef, String redirectUrl, Instant createdAt, @Nullable Instant completedAt) {

    /** DUPLICATE: it succeeded after the order was paid another way, and was paid back. */
    public enum Status { PENDING, SUCCEEDED, FAILED, DUPLICATE }
}

package o2o.mallevents;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.OrderId;
import org.jspecify.annotations.Nullable;

/** A customer's seat at an event; a paid event's seat names the order that pays for it. */
public record SignUp(UUID id, UUID eventId, CustomerId customerId, SignUpStatus status, @Nullable OrderId orderId,
        Instant createdAt, @Nullable Instant confirmedAt, @Nullable Instant releasedAt, @Nullable Instant remindedAt,
        @Nullable Instant checkedInAt, boolean refunded) {

    public boolean checkedIn() {
        return checkedInAt != null;
    }
}

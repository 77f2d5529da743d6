package o2o.mallevents.web;

import java.time.Instant;
import java.util.UUID;

import o2o.mallevents.SignUp;
import o2o.mallevents.SignUpStatus;
import org.jspecify.annotations.Nullable;

/** A sign-up: its seat's state, the order that pays for a paid seat, and when it was checked in. */
record SignUpResponse(UUID id, UUID eventId, UUID customerId, SignUpStatus status, @Nullable UUID orderId,
        Instant createdAt, @Nullable Instant confirmedAt, @Nullable Instant remindedAt, @Nullable Instant checkedInAt,
        boolean refunded) {

    static SignUpResponse of(SignUp s) {
        return new SignUpResponse(s.id(), s.eventId(), s.customerId().value(), s.status(),
                s.orderId() == null ? null : s.orderId().value(), s.createdAt(), s.confirmedAt(), s.remindedAt(),
                s.checkedInAt(), s.refunded());
    }
}

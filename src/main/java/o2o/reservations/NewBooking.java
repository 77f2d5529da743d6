package o2o.reservations;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A booking as it is first written: CONFIRMED at once without a deposit, else PENDING_DEPOSIT with the deposit's
 * order; its free-cancellation and reminder times follow from the store's rules.
 *
 * @param remindedAt set already when booked after the reminder time: the confirmation is the reminder
 */
public record NewBooking(UUID id, UUID merchantId, UUID customerId, NewReservation request, Instant startsAt,
        String tableType, ReservationStatus status, Money deposit, @Nullable UUID orderId, Instant freeCancelUntil,
        Instant remindAt, @Nullable Instant remindedAt, Instant createdAt, @Nullable Instant confirmedAt) {

    static NewBooking of(UUID id, UUID merchantId, UUID customerId, NewReservation request, Instant startsAt,
            String tableType, ReservationSettings settings, @Nullable UUID depositOrderId, Instant now) {
        var deposit = settings.depositFor(request.partySize());
        var status = deposit.isZero() ? ReservationStatus.CONFIRMED : ReservationStatus.PENDING_DEPOSIT;
        var remindAt = startsAt.minus(Duration.ofMinutes(settings.reminderMinutes()));
        return new NewBooking(id, merchantId, customerId, request, startsAt, tableType, status, deposit,
                depositOrderId, startsAt.minus(Duration.ofHours(settings.freeCancelHours())), remindAt,
                remindAt.isAfter(now) ? null : now, now, status == ReservationStatus.CONFIRMED ? now : null);
    }
}

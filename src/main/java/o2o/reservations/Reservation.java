package o2o.reservations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A booking of a party for a slot (date and start time in the store's time zone) at a table type.
 *
 * @param deposit what the booking asks to be paid up front (zero for none), through the order {@code orderId}
 * @param freeCancelUntil until when cancelling gives the whole deposit back; later it is forfeited
 * @param depositOutcome set once a paid deposit has been settled
 */
public record Reservation(UUID id, UUID merchantId, UUID storeId, UUID customerId, LocalDate date, LocalTime time,
        Instant startsAt, String tableType, int partySize, String contactName, String contactPhone, String note,
        ReservationStatus status, Money deposit, @Nullable UUID orderId, Instant freeCancelUntil, Instant createdAt,
        @Nullable Instant confirmedAt, @Nullable Instant cancelledAt, @Nullable CancelledBy cancelledBy,
        @Nullable Instant remindedAt, @Nullable Instant seatedAt, @Nullable UUID tableId, @Nullable UUID sessionId,
        @Nullable Instant noShowAt, @Nullable DepositOutcome depositOutcome) {

    /** Staff may mark a no-show this long after the slot started. */
    static final Duration NO_SHOW_GRACE = Duration.ofMinutes(15);

    public boolean hasDeposit() {
        return !deposit.isZero();
    }

    /** Whether a paid deposit comes back when cancelled now: always when the store cancels, else until the time. */
    boolean refundsDepositOnCancel(CancelledBy by, Instant now) {
        return by == CancelledBy.STAFF || now.isBefore(freeCancelUntil);
    }

    /** Refuses a check-in of a booking that is not confirmed or not for today. */
    void checkInOn(LocalDate today) {
        if (!status.canBecome(ReservationStatus.SEATED)) throw notInState(status, "reservation-not-confirmed");
        if (!date.equals(today)) {
            throw new Problem(HttpStatus.CONFLICT, "reservation-not-today", "the booking is for " + date,
                    date.toString());
        }
    }

    /** Refuses a no-show marked before the grace after the slot's start, or of a booking that is not confirmed. */
    void noShowAt(Instant now) {
        if (now.isBefore(startsAt.plus(NO_SHOW_GRACE))) {
            throw new Problem(HttpStatus.CONFLICT, "reservation-too-early",
                    "a no-show can be marked from 15 minutes after the slot");
        }
        if (!status.canBecome(ReservationStatus.NO_SHOW)) throw notInState(status, "reservation-not-confirmed");
    }

    static Problem notInState(ReservationStatus status, String slug) {
        return new Problem(HttpStatus.CONFLICT, slug, "this booking is " + status, status);
    }
}

package o2o.reservations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A booking of a party for a slot (date and start time in the store's time zone) at a table type.
 *
 * @param deposit what the booking asks to be paid up front (zero for none), through the order {@code orderId}
 * @param freeCancelUntil until when cancelling gives the whole deposit back; later it is forfeited
 * @param depositOutcome REFUNDED or FORFEITED once a paid deposit has been settled
 * @param cancelledBy {@code customer} or {@code staff}
 */
public record Reservation(UUID id, UUID merchantId, UUID storeId, UUID customerId, LocalDate date, LocalTime time,
        Instant startsAt, String tableType, int partySize, String contactName, String contactPhone, String note,
        ReservationStatus status, Money deposit, @Nullable UUID orderId, Instant freeCancelUntil, Instant createdAt,
        @Nullable Instant confirmedAt, @Nullable Instant cancelledAt, @Nullable String cancelledBy,
        @Nullable Instant remindedAt, @Nullable Instant seatedAt, @Nullable UUID tableId, @Nullable UUID sessionId,
        @Nullable Instant noShowAt, @Nullable String depositOutcome) {

    public boolean hasDeposit() {
        return !deposit.isZero();
    }
}

package o2o.reservations.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import o2o.reservations.Reservation;
import o2o.reservations.ReservationStatus;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A booking as the API shows it to its customer and to the store's staff. */
record ReservationResponse(UUID id, UUID storeId, LocalDate date, LocalTime time, Instant startsAt, String tableType,
        int partySize, String name, String phone, String note, ReservationStatus status, Money deposit,
        @Nullable UUID orderId, Instant freeCancelUntil, Instant createdAt, @Nullable Instant confirmedAt,
        @Nullable Instant cancelledAt, @Nullable String cancelledBy, @Nullable Instant seatedAt,
        @Nullable UUID tableId, @Nullable UUID sessionId, @Nullable Instant noShowAt,
        @Nullable String depositOutcome) {

    static ReservationResponse of(Reservation r) {
        return new ReservationResponse(r.id(), r.storeId(), r.date(), r.time(), r.startsAt(), r.tableType(),
                r.partySize(), r.contactName(), r.contactPhone(), r.note(), r.status(), r.deposit(), r.orderId(),
                r.freeCancelUntil(), r.createdAt(), r.confirmedAt(), r.cancelledAt(),
                r.cancelledBy() == null ? null : r.cancelledBy().value(), r.seatedAt(),
                r.tableId(), r.sessionId(), r.noShowAt(),
                r.depositOutcome() == null ? null : r.depositOutcome().name());
    }
}

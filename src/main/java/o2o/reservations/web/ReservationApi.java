package o2o.reservations.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.reservations.DaySlots;
import o2o.reservations.NewReservation;
import o2o.reservations.ReservationSettings;
import o2o.reservations.Reservations;
import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers see a store's slots, book, and see and cancel their bookings. */
@RestController
@Tag(name = "Reservations")
class ReservationApi {

    private final Reservations reservations;

    ReservationApi(Reservations reservations) {
        this.reservations = reservations;
    }

    /** The store's slots on a date; with {@code partySize}, what is left of the table type that party books. */
    @GetMapping("/api/v1/stores/{storeId}/reservation-slots")
    DaySlots slots(@PathVariable UUID storeId, @RequestParam String date,
            @RequestParam(required = false) @Nullable Integer partySize) {
        return reservations.slots(storeId, date(date), partySize);
    }

    /**
     * Books a slot. The Idempotency-Key header is required: the same key again returns the same booking. 409
     * {@code slot-full} when the slot has no table of the party's type left; 422 when a booking rule says no.
     */
    @PostMapping("/api/v1/reservations")
    @ResponseStatus(HttpStatus.CREATED)
    ReservationResponse book(CustomerPrincipal customer,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody Book request) {
        return ReservationResponse.of(reservations.book(customer, toRequest(customer, request)));
    }

    @GetMapping("/api/v1/me/reservations")
    List<ReservationResponse> mine(CustomerPrincipal customer) {
        return reservations.ofCustomer(customer).stream().map(ReservationResponse::of).toList();
    }

    @GetMapping("/api/v1/me/reservations/{id}")
    ReservationResponse get(CustomerPrincipal customer, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.ofCustomer(customer, id));
    }

    /** Cancels the booking under the store's policy (deposit back in full until the free time, else forfeited). */
    @PostMapping("/api/v1/me/reservations/{id}/cancel")
    ReservationResponse cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.cancel(customer, id));
    }

    static NewReservation toRequest(CustomerPrincipal customer, Book request) {
        if (request.storeId() == null) throw new InvalidInput("storeId", "required");
        if (request.time() == null) throw new InvalidInput("time", "required");
        if (request.partySize() == null) throw new InvalidInput("partySize", "required");
        var phone = request.phone() == null || request.phone().isBlank() ? customer.phone()
                : PhoneNumber.parse(request.phone());
        return new NewReservation(request.storeId(), date(request.date()),
                ReservationSettings.parseTime("time", request.time()), request.partySize(),
                request.name() == null ? "" : request.name(), phone, request.note() == null ? "" : request.note());
    }

    static LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) throw new InvalidInput("date", "required, like 2026-05-01");
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("date", "'" + text + "' is not a date like 2026-05-01");
        }
    }
}

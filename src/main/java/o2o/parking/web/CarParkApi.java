package o2o.parking.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.PosPrincipal;
import o2o.parking.CarPark;
import o2o.parking.ParkingSession;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A mall's car park, authenticated by a POS key of the mall's building (any other store's key: 403). Times carry
 * their offset ({@code 2026-05-01T09:30:00+08:00}); amounts are in fen.
 */
@RestController
@RequestMapping("/api/v1/pos/parking")
@Tag(name = "Car park")
class CarParkApi {

    private final CarPark carPark;

    CarParkApi(CarPark carPark) {
        this.carPark = carPark;
    }

    /** A car in: its plate, the car park's own id of the entry, and when. */
    record EntryRequest(@Nullable String plate, @Nullable String entryId, @Nullable String enteredAt) {}

    /** A car at the exit barrier: the plate and entry id it came in with, and when it leaves. */
    record ExitRequest(@Nullable String plate, @Nullable String entryId, @Nullable String exitedAt) {}

    record SessionResponse(UUID id, String plate, String entryId, Instant enteredAt, ParkingSession.Status status) {

        static SessionResponse of(ParkingSession s) {
            return new SessionResponse(s.id(), s.plate().number(), s.entryId(), s.enteredAt(), s.status());
        }
    }

    /**
     * What to collect at the barrier: the fee before and after the member's free hours, what the member paid in
     * advance, what is left ({@code due}), and whether the barrier may open (nothing left).
     */
    record ExitResponse(UUID sessionId, String plate, String entryId, Instant enteredAt, Instant exitedAt, long minutes,
            Money fee, Money discount, Money amount, Money paidInAdvance, Money due, boolean barrierOpens,
            @Nullable String tier, int freeHours) {

        static ExitResponse of(CarPark.Exit exit) {
            var s = exit.session();
            var ended = java.util.Objects.requireNonNull(s.exit());
            var paid = s.payment() == null ? Money.cny(0) : s.payment().value();
            return new ExitResponse(s.id(), s.plate().number(), s.entryId(), s.enteredAt(), ended.at(),
                    java.time.Duration.between(s.enteredAt(), ended.at()).toMinutes(), ended.gross(), ended.discount(),
                    ended.gross().minus(ended.discount()), paid, ended.due(), ended.barrierOpens(),
                    exit.quote().discounts().tier(), exit.quote().fee().freeHours());
        }
    }

    @PostMapping("/entries")
    @ApiResponse(responseCode = "201", description = "The stay, recorded now")
    @ApiResponse(responseCode = "200", description = "The stay recorded before under this plate and entryId")
    ResponseEntity<SessionResponse> enter(PosPrincipal pos, @RequestBody(required = false) @Nullable EntryRequest body) {
        var request = body == null ? new EntryRequest(null, null, null) : body;
        var entry = carPark.enter(pos, required("plate", request.plate()), required("entryId", request.entryId()),
                required("enteredAt", request.enteredAt()));
        return ResponseEntity.status(entry.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SessionResponse.of(entry.session()));
    }

    @PostMapping("/exits")
    @ApiResponse(responseCode = "200", description = "The fee to collect and whether the barrier may open; the same "
            + "answer for a repeat")
    ExitResponse exit(PosPrincipal pos, @RequestBody(required = false) @Nullable ExitRequest body) {
        var request = body == null ? new ExitRequest(null, null, null) : body;
        return ExitResponse.of(carPark.exit(pos, required("plate", request.plate()),
                required("entryId", request.entryId()), required("exitedAt", request.exitedAt())));
    }

    static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) throw new InvalidInput(field, "is required", "input.required");
        return value;
    }
}

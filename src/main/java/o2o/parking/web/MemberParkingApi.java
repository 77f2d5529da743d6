package o2o.parking.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.parking.MemberParking;
import o2o.parking.ParkingSession;
import o2o.parking.Plate;
import o2o.parking.Plates;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's plates, their cars' current stays priced now, and paying a stay with the mall's points. */
@RestController
@Tag(name = "Parking")
class MemberParkingApi {

    private final Plates plates;
    private final MemberParking parking;

    MemberParkingApi(Plates plates, MemberParking parking) {
        this.plates = plates;
        this.parking = parking;
    }

    record PlateRequest(@Nullable String plate) {}

    record PlateResponse(String plate) {

        static PlateResponse of(Plate plate) {
            return new PlateResponse(plate.number());
        }
    }

    /** The points a stay costs now; they must match what it costs when paid. */
    record PaymentRequest(@Nullable Long points) {}

    /**
     * A current stay: where, since when, the fee now before and after free hours (for the member's tier and what
     * they spent at the mall's tenants since the start of the entry's day), what is left to pay and in points, the
     * member's balance at the mall; once paid, the payment and the time to leave by.
     */
    record StayResponse(UUID id, UUID mallId, String mallName, String plate, Instant enteredAt,
            ParkingSession.Status status, long minutes, Money fee, Money discount, Money due, long points, long balance,
            @Nullable String tier, int tierFreeHours, long spentMinor, int purchaseFreeHours,
            @Nullable Instant paidAt, @Nullable Long paidPoints, @Nullable Instant leaveBy) {

        static StayResponse of(MemberParking.Current c) {
            var q = c.quote();
            var s = q.session();
            var d = q.discounts();
            var payment = s.payment();
            return new StayResponse(s.id(), c.mall().id().value(), c.mall().name(), s.plate().number(), s.enteredAt(),
                    s.status(), q.fee().minutes(), q.fee().gross(), q.fee().discount(), q.due(), c.points(),
                    c.balance(), d.tier(), d.tierHours(), d.spentMinor(), d.purchaseHours(),
                    payment == null ? null : payment.at(), payment == null ? null : payment.points(), q.leaveBy());
        }
    }

    record PaymentResponse(UUID sessionId, ParkingSession.Status status, long points, Money value, long balance,
            Instant paidAt) {

        static PaymentResponse of(MemberParking.Paid paid) {
            var payment = java.util.Objects.requireNonNull(paid.session().payment());
            return new PaymentResponse(paid.session().id(), paid.session().status(), paid.points(), paid.value(),
                    paid.balance(), payment.at());
        }
    }

    @GetMapping("/api/v1/me/plates")
    List<PlateResponse> plates(CustomerPrincipal customer) {
        return plates.of(customer).stream().map(PlateResponse::of).toList();
    }

    @PostMapping("/api/v1/me/plates")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "The plate, registered (or registered before by this member)")
    PlateResponse add(CustomerPrincipal customer, @RequestBody(required = false) @Nullable PlateRequest body) {
        var typed = body == null ? null : body.plate();
        return PlateResponse.of(plates.add(customer, CarParkApi.required("plate", typed)));
    }

    @DeleteMapping("/api/v1/me/plates/{plate}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "The plate is no longer the member's")
    void remove(CustomerPrincipal customer, @PathVariable String plate) {
        plates.remove(customer, plate);
    }

    @GetMapping("/api/v1/me/parking/sessions")
    List<StayResponse> stays(CustomerPrincipal customer) {
        return parking.current(customer).stream().map(StayResponse::of).toList();
    }

    @GetMapping("/api/v1/me/parking/sessions/{id}")
    StayResponse stay(CustomerPrincipal customer, @PathVariable UUID id) {
        return StayResponse.of(parking.current(customer, id));
    }

    @PostMapping("/api/v1/me/parking/sessions/{id}/payment")
    @ApiResponse(responseCode = "200", description = "The stay paid with points (the same answer when it was paid "
            + "before); 409 parking-fee-changed with the points it costs now")
    PaymentResponse pay(CustomerPrincipal customer, @PathVariable UUID id,
            @RequestBody(required = false) @Nullable PaymentRequest body) {
        if (body == null || body.points() == null) throw new InvalidInput("points", "is required", "input.required");
        return PaymentResponse.of(parking.pay(customer, id, body.points()));
    }
}

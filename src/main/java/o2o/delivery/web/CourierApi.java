package o2o.delivery.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import o2o.delivery.Couriers;
import o2o.delivery.Delivery;
import o2o.identity.StaffPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.OrderId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's couriers: shift, offers, taking an order, picking it up, handing it over, trouble, position. */
@RestController
@Tag(name = "Merchant: couriers")
class CourierApi {

    private static final String BASE = "/api/v1/merchant/courier";

    private final Couriers couriers;

    CourierApi(Couriers couriers) {
        this.couriers = couriers;
    }

    record ShiftResponse(boolean onShift, List<DeliveryResponse> carrying, List<List<DeliveryResponse>> offers) {

        static ShiftResponse of(Couriers.Shift s) {
            return new ShiftResponse(s.onShift(), s.carrying().stream().map(DeliveryResponse::forStaff).toList(),
                    s.offers().stream().map(b -> b.stream().map(DeliveryResponse::forStaff).toList()).toList());
        }
    }

    record ShiftRequest(@NotNull Boolean onShift) {}

    record Code(@NotNull @Pattern(regexp = "[0-9]{4}") String code) {}

    record TroubleRequest(@NotNull Delivery.Trouble trouble) {}

    record PositionRequest(@NotNull @Min(-90) @Max(90) Double lat, @NotNull @Min(-180) @Max(180) Double lng) {}

    /** The courier's screen: on shift, what they carry, offers in batches of nearby doors. */
    @GetMapping(BASE + "/shift")
    ShiftResponse shift(StaffPrincipal staff) {
        return ShiftResponse.of(couriers.shift(staff));
    }

    @PutMapping(BASE + "/shift")
    ShiftResponse goOnShift(StaffPrincipal staff, @Valid @RequestBody ShiftRequest request) {
        return ShiftResponse.of(couriers.goOnShift(staff, request.onShift()));
    }

    /** Takes an offered order: one courier per order, 409 {@code delivery-taken} for the slower ones. */
    @PostMapping(BASE + "/deliveries/{id}/accept")
    DeliveryResponse accept(StaffPrincipal staff, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(couriers.accept(staff, new OrderId(id)));
    }

    @PostMapping(BASE + "/deliveries/{id}/picked-up")
    DeliveryResponse pickedUp(StaffPrincipal staff, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(couriers.pickedUp(staff, new OrderId(id)));
    }

    /** Hands it over with the customer's 4-digit code; 422 {@code delivery-code-wrong}, 429 after five wrong. */
    @PostMapping(BASE + "/deliveries/{id}/delivered")
    DeliveryResponse delivered(StaffPrincipal staff, @PathVariable UUID id, @Valid @RequestBody Code request) {
        return DeliveryResponse.forStaff(couriers.delivered(staff, new OrderId(id), request.code()));
    }

    @PostMapping(BASE + "/deliveries/{id}/trouble")
    DeliveryResponse trouble(StaffPrincipal staff, @PathVariable UUID id, @Valid @RequestBody TroubleRequest request) {
        return DeliveryResponse.forStaff(couriers.trouble(staff, new OrderId(id), request.trouble()));
    }

    /** Brings it back to the store: refunded unless the customer could not be reached. */
    @PostMapping(BASE + "/deliveries/{id}/returned")
    DeliveryResponse returned(StaffPrincipal staff, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(couriers.returned(staff, new OrderId(id)));
    }

    /** Where the courier is: sent by the courier's page while on shift. */
    @PostMapping(BASE + "/position")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void position(StaffPrincipal staff, @Valid @RequestBody PositionRequest request) {
        couriers.position(staff, new GeoPoint(request.lat(), request.lng()));
    }
}

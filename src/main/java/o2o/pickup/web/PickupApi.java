package o2o.pickup.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.pickup.CartLine;
import o2o.pickup.PickupRequest;
import o2o.pickup.Pickups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers order ahead for pick-up, pay, follow and cancel their orders. */
@RestController
@Tag(name = "Pick-up orders")
class PickupApi {

    private final Pickups pickups;

    PickupApi(Pickups pickups) {
        this.pickups = pickups;
    }

    /** Places a pick-up order, priced by the server. Idempotency-Key is required: the same key, the same order. */
    @PostMapping("/api/v1/stores/{storeId}/pickup-orders")
    @ResponseStatus(HttpStatus.CREATED)
    PickupResponse place(CustomerPrincipal customer, @PathVariable UUID storeId,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody PlacePickup request) {
        var lines = request.lines().stream().map(l -> new CartLine(l.itemId(),
                l.optionIds() == null ? List.of() : l.optionIds(), l.quantity())).toList();
        return PickupResponse.of(pickups.place(customer, storeId, new PickupRequest(lines,
                PickupResponse.pickupTime(request.pickupTime()), request.note() == null ? "" : request.note(),
                request.couponId(), request.pointsToUse() == null ? 0 : request.pointsToUse())));
    }

    @GetMapping("/api/v1/me/pickup-orders")
    List<PickupResponse> mine(CustomerPrincipal customer) {
        return pickups.ofCustomer(customer).stream().map(PickupResponse::of).toList();
    }

    @GetMapping("/api/v1/me/pickup-orders/{id}")
    PickupResponse get(CustomerPrincipal customer, @PathVariable UUID id) {
        return PickupResponse.of(pickups.ofCustomer(customer, id));
    }

    /** Pays with {@code online} or a gateway by name (off to its page) or {@code wallet} (the stored value, at once). */
    @PostMapping("/api/v1/me/pickup-orders/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentResponse pay(CustomerPrincipal customer, @PathVariable UUID id, @Valid @RequestBody PayPickup request) {
        var p = pickups.pay(customer, id, request.provider());
        return new PaymentResponse(p.id(), p.status(), p.provider(), p.amount(), p.redirectUrl());
    }

    /** Cancels an unpaid pick-up order; 409 once it is paid. */
    @PostMapping("/api/v1/me/pickup-orders/{id}/cancel")
    PickupResponse cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        return PickupResponse.of(pickups.cancel(customer, id));
    }
}

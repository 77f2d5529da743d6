package o2o.delivery.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import o2o.delivery.Deliveries;
import o2o.delivery.DeliveryRequest;
import o2o.identity.CustomerPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers get a delivery quote, order to their door, pay, follow and cancel. */
@RestController
@Validated
@Tag(name = "Delivery orders")
class DeliveryApi {

    private final Deliveries deliveries;

    DeliveryApi(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * What delivering goods worth {@code subtotal} (in 分) to the point costs and takes now: the zone, fee, minimum
     * order and promised minutes. 422 {@code outside-delivery-zone} when the store does not deliver there.
     */
    @GetMapping("/api/v1/stores/{storeId}/delivery/quote")
    @ApiResponse(responseCode = "200", description = "the zone's fee, minimum and promise")
    @ApiResponse(responseCode = "422", description = "outside every zone")
    @ApiResponse(responseCode = "409", description = "the zones covering the point are closed now")
    @ApiResponse(responseCode = "404", description = "no such store")
    QuoteResponse quote(@PathVariable UUID storeId, @RequestParam double lat, @RequestParam double lng,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Money.MAX_PRICE_MINOR) long subtotal) {
        return QuoteResponse.of(deliveries.quote(storeId, new GeoPoint(lat, lng), Money.cny(subtotal)));
    }

    /** Places a delivery order, priced by the server. Idempotency-Key is required: the same key, the same order. */
    @PostMapping("/api/v1/stores/{storeId}/delivery-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "placed, waiting for payment")
    @ApiResponse(responseCode = "422", description = "outside every zone, or under the zone's minimum order")
    @ApiResponse(responseCode = "409", description = "closed, a dish sold out, or the fee shown is not the fee now")
    @ApiResponse(responseCode = "404", description = "no such store or address")
    DeliveryResponse place(CustomerPrincipal customer, @PathVariable UUID storeId,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody PlaceDelivery request) {
        return DeliveryResponse.forCustomer(deliveries.place(customer, storeId, request.toRequest()));
    }

    @GetMapping("/api/v1/me/delivery-orders")
    List<DeliveryResponse> mine(CustomerPrincipal customer) {
        return deliveries.ofCustomer(customer).stream().map(DeliveryResponse::forCustomer).toList();
    }

    @GetMapping("/api/v1/me/delivery-orders/{id}")
    DeliveryResponse get(CustomerPrincipal customer, @PathVariable UUID id) {
        return DeliveryResponse.forCustomer(deliveries.ofCustomer(customer, id));
    }

    /** Pays with {@code online} or a gateway by name (off to its page) or {@code wallet} (the stored value, at once). */
    @PostMapping("/api/v1/me/delivery-orders/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentResponse pay(CustomerPrincipal customer, @PathVariable UUID id, @Valid @RequestBody PayDelivery request) {
        var p = deliveries.pay(customer, id, request.provider());
        return new PaymentResponse(p.id(), p.status(), p.provider(), p.amount(), p.redirectUrl());
    }

    /** Cancels an order the store has not accepted yet; a paid one is refunded in full. 409 once it is accepted. */
    @PostMapping("/api/v1/me/delivery-orders/{id}/cancel")
    DeliveryResponse cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        return DeliveryResponse.forCustomer(deliveries.cancel(customer, id));
    }

    static DeliveryRequest.Line line(LineRequest l) {
        return new DeliveryRequest.Line(l.itemId(), l.optionIds() == null ? List.of() : l.optionIds(), l.quantity());
    }
}

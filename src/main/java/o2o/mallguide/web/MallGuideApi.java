package o2o.mallguide.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.delivery.Delivery;
import o2o.identity.CustomerPrincipal;
import o2o.mallguide.MallCartFulfilment;
import o2o.mallguide.MallCartLine;
import o2o.mallguide.MallCarts;
import o2o.mallguide.MallGuide;
import o2o.malls.MallId;
import o2o.payments.Payment;
import o2o.shared.GeoPoint;
import o2o.shared.Money;
import o2o.shared.StoreId;
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

/** A mall's guide: search across every tenant's deals and menu items; one cart across tenants, paid once. */
@RestController
@Tag(name = "Mall guide")
class MallGuideApi {

    private final MallGuide guide;
    private final MallCarts carts;

    MallGuideApi(MallGuide guide, MallCarts carts) {
        this.guide = guide;
        this.carts = carts;
    }

    @Schema(name = "MallGuideHit")
    record HitResponse(MallGuide.HitKind kind, UUID id, String name, String description, Money price,
            boolean soldOut, boolean needsOptions, UUID storeId, String storeName, String unit, String floor,
            String category) {

        static HitResponse of(MallGuide.Hit h) {
            var t = h.tenant();
            return new HitResponse(h.kind(), h.id(), h.name(), h.description(), h.price(), h.soldOut(),
                    h.needsOptions(), t.store().id(), t.store().name(), t.tenant().unit(), t.floorName(),
                    t.tenant().category());
        }
    }

    /** Every tenant's deals on sale and menu items whose name or description holds {@code q}, best first. */
    @GetMapping("/api/v1/malls/{mallId}/search")
    List<HitResponse> search(@PathVariable UUID mallId, @RequestParam(defaultValue = "") String q) {
        return guide.search(new MallId(mallId), q).stream().map(HitResponse::of).toList();
    }

    @Schema(name = "MallCartLineRequest")
    record LineRequest(@NotNull UUID storeId, @NotNull UUID itemId, @Nullable @Size(max = 20) List<@NotNull UUID> optionIds,
            @NotNull @Min(1) @Max(99) Integer quantity, @Nullable Money shownAmount) {}

    /** Where a delivered cart goes, when not an address from the customer's book. */
    @Schema(name = "MallCartAddress")
    record AddressRequest(@NotBlank @Size(max = 40) String contact, @NotBlank @Size(max = 20) String phone,
            @NotBlank @Size(max = 200) String address, @NotNull Double lat, @NotNull Double lng) {

        Delivery.Destination destination() {
            return new Delivery.Destination(contact.strip(), phone.strip(), address.strip(), new GeoPoint(lat, lng));
        }
    }

    /**
     * {@code fulfilment}: PICKUP (the default) or DELIVERY. Picked up: {@code pickupTime}, "12:30" today, or empty for
     * as soon as possible. Delivered: {@code addressId} from the customer's book or {@code address}, a {@code note}
     * for the kitchens, and {@code shownFees}: the delivery fee the page showed per tenant store, refused with 409
     * {@code delivery-fee-changed} when it is no longer the fee. {@code shownAmount} per line: what the page showed,
     * refused with 409 when the price changed.
     */
    @Schema(name = "MallCartOrderRequest")
    record PlaceCart(@NotNull @Size(max = 30) List<@Valid @NotNull LineRequest> lines,
            CartOrderResponse.@Nullable Fulfilment fulfilment, @Nullable @Size(max = 10) String pickupTime,
            @Nullable UUID addressId, @Nullable @Valid AddressRequest address, @Nullable @Size(max = 200) String note,
            @Nullable @Size(max = 8) Map<UUID, @NotNull Money> shownFees) {

        MallCartFulfilment toFulfilment() {
            if (fulfilment != CartOrderResponse.Fulfilment.DELIVERY) {
                return new MallCartFulfilment.PickUp(CartOrderResponse.pickupTime(pickupTime));
            }
            var fees = new HashMap<StoreId, Money>();
            if (shownFees != null) shownFees.forEach((store, fee) -> fees.put(new StoreId(store), fee));
            return new MallCartFulfilment.Deliver(addressId, address == null ? null : address.destination(),
                    note == null ? "" : note.strip(), fees);
        }
    }

    /**
     * Places one order per tenant of the cart — picked up at its counter, or delivered by it to one address — priced
     * by the server, gathered to be paid once to the mall. A tenant's refusal (outside its zone, below its minimum,
     * its fee changed) names its store in {@code storeId}. Idempotency-Key is required: the same key, the same orders.
     */
    @PostMapping("/api/v1/malls/{mallId}/cart-orders")
    @ResponseStatus(HttpStatus.CREATED)
    CartOrderResponse place(CustomerPrincipal customer, @PathVariable UUID mallId,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody PlaceCart request) {
        var lines = request.lines().stream().map(l -> new MallCartLine(new StoreId(l.storeId()), l.itemId(),
                l.optionIds() == null ? List.of() : l.optionIds(), l.quantity(), l.shownAmount())).toList();
        return CartOrderResponse.of(carts.checkout(customer, new MallId(mallId), lines, request.toFulfilment()));
    }

    @GetMapping("/api/v1/me/mall-orders/{groupId}")
    CartOrderResponse get(CustomerPrincipal customer, @PathVariable UUID groupId) {
        return CartOrderResponse.of(carts.ofCustomer(customer, groupId));
    }

    @Schema(name = "MallCartPayRequest")
    record PayCart(@NotBlank @Size(max = 30) String provider) {}

    @Schema(name = "MallCartPaymentResponse")
    record PaymentResponse(UUID id, Payment.Status status, String provider, Money amount, String redirectUrl) {}

    /** Pays the whole cart at once with {@code online} or a gateway by name (off to its page). */
    @PostMapping("/api/v1/me/mall-orders/{groupId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentResponse pay(CustomerPrincipal customer, @PathVariable UUID groupId, @Valid @RequestBody PayCart request) {
        var p = carts.pay(customer, groupId, request.provider());
        return new PaymentResponse(p.id(), p.status(), p.provider(), p.amount(), p.redirectUrl());
    }
}

package o2o.delivery.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import o2o.delivery.CourierOnShift;
import o2o.delivery.DeliveryDesk;
import o2o.delivery.DeliveryStatus;
import o2o.delivery.Dispatch;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A store's staff take delivery orders in, mark them ready, dispatch them, cancel them. */
@RestController
@Tag(name = "Merchant: delivery orders")
class DeliveryDeskApi {

    private static final String BASE = "/api/v1/merchant/stores/{storeId}/delivery-orders";

    private final DeliveryDesk desk;

    DeliveryDeskApi(DeliveryDesk desk) {
        this.desk = desk;
    }

    /** Without {@code status}: the paid orders still under way; with it, that state's latest 200. */
    @GetMapping(BASE)
    List<DeliveryResponse> list(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable String status) {
        return desk.orders(staff, storeId, status(status)).stream().map(DeliveryResponse::forStaff).toList();
    }

    @GetMapping(BASE + "/{id}")
    DeliveryResponse get(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(desk.order(staff, new StoreId(storeId), new OrderId(id)));
    }

    /** Takes a paid order: the customer is told when to expect it. 409 unless it is paid and new. */
    @PostMapping(BASE + "/{id}/accept")
    DeliveryResponse accept(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(desk.accept(staff, new StoreId(storeId), new OrderId(id)));
    }

    /** The kitchen has it ready for the courier. */
    @PostMapping(BASE + "/{id}/ready")
    DeliveryResponse ready(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(desk.ready(staff, new StoreId(storeId), new OrderId(id)));
    }

    record Assign(@NotNull UUID courierId) {}

    /** Gives the order to one of the merchant's couriers, or to another one before it is picked up (managers). */
    @PostMapping(BASE + "/{id}/assign")
    DeliveryResponse assign(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id,
            @Valid @RequestBody Assign request) {
        return DeliveryResponse.forStaff(desk.assign(staff, new StoreId(storeId), new OrderId(id),
                request.courierId()));
    }

    /** Cancels an order before it leaves, refunded in full (managers). */
    @PostMapping(BASE + "/{id}/cancel")
    DeliveryResponse cancel(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return DeliveryResponse.forStaff(desk.cancel(staff, new StoreId(storeId), new OrderId(id)));
    }

    record SuggestionResponse(List<UUID> orderIds, @Nullable UUID courierId, @Nullable String courierName,
            @Nullable Integer courierMetersAway) {

        static SuggestionResponse of(Dispatch.Suggestion s) {
            return new SuggestionResponse(s.orderIds().stream().map(OrderId::value).toList(),
                    s.courier() == null ? null : s.courier().staffId(),
                    s.courier() == null ? null : s.courier().name(), s.courierMetersAway());
        }
    }

    /** Who should carry what: waiting orders in batches of nearby doors, each with the nearest free courier. */
    @GetMapping("/api/v1/merchant/stores/{storeId}/delivery/dispatch")
    List<SuggestionResponse> dispatch(StaffPrincipal staff, @PathVariable UUID storeId) {
        return desk.suggestions(staff, storeId).stream().map(SuggestionResponse::of).toList();
    }

    record CourierResponse(UUID staffId, String name, boolean onShift, @Nullable Double lat, @Nullable Double lng,
            java.time.@Nullable Instant seenAt, int carrying) {

        static CourierResponse of(CourierOnShift c) {
            return new CourierResponse(c.staffId(), c.name(), c.onShift(), c.at() == null ? null : c.at().lat(),
                    c.at() == null ? null : c.at().lng(), c.seenAt(), c.carrying());
        }
    }

    /** The merchant's couriers on shift: where they were last, how many orders each carries. */
    @GetMapping("/api/v1/merchant/stores/{storeId}/delivery/couriers")
    List<CourierResponse> couriers(StaffPrincipal staff, @PathVariable UUID storeId) {
        return desk.couriers(staff, storeId).stream().map(CourierResponse::of).toList();
    }

    static @Nullable DeliveryStatus status(@Nullable String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return DeliveryStatus.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "one of " + java.util.Arrays.toString(DeliveryStatus.values()));
        }
    }
}

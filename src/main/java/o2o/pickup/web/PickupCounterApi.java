package o2o.pickup.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.StaffPrincipal;
import o2o.pickup.Pickups;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A store's staff work the pick-up queue: ready, handed over, refund; managers set the preparation time. */
@RestController
@Tag(name = "Merchant: pick-up orders")
class PickupCounterApi {

    private static final String BASE = "/api/v1/merchant/stores/{storeId}/pickup-orders";

    private final Pickups pickups;

    PickupCounterApi(Pickups pickups) {
        this.pickups = pickups;
    }

    /** Without {@code status}: the queue (paid and ready, by pick-up time); with it, that status's orders. */
    @GetMapping(BASE)
    List<PickupResponse> queue(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable String status) {
        return pickups.queue(staff, storeId, PickupResponse.status(status)).stream().map(PickupResponse::of).toList();
    }

    @GetMapping(BASE + "/{id}")
    PickupResponse get(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return PickupResponse.of(pickups.atStore(staff, new StoreId(storeId), new OrderId(id)));
    }

    /** The customer is told to come; 409 {@code pickup-status-conflict} unless it was paid and not yet ready. */
    @PostMapping(BASE + "/{id}/ready")
    PickupResponse ready(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return PickupResponse.of(pickups.markReady(staff, new StoreId(storeId), new OrderId(id)));
    }

    /** The customer has it: the order is completed; 409 when handed over or refunded before. */
    @PostMapping(BASE + "/{id}/handed-over")
    PickupResponse handedOver(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return PickupResponse.of(pickups.handOver(staff, new StoreId(storeId), new OrderId(id)));
    }

    /** Refunds a paid order not yet handed over, in full (owners, managers, cashiers). */
    @PostMapping(BASE + "/{id}/refund")
    PickupResponse refund(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return PickupResponse.of(pickups.refund(staff, new StoreId(storeId), new OrderId(id)));
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/pickup-settings")
    Settings settings(StaffPrincipal staff, @PathVariable UUID storeId) {
        return new Settings(pickups.preparationMinutes(staff, storeId));
    }

    /** How many minutes ahead (0 to 240) the store needs an order; owners and managers. */
    @PutMapping("/api/v1/merchant/stores/{storeId}/pickup-settings")
    Settings setSettings(StaffPrincipal staff, @PathVariable UUID storeId, @Valid @RequestBody Settings settings) {
        return new Settings(pickups.setPreparationMinutes(staff, storeId, settings.preparationMinutes()));
    }
}

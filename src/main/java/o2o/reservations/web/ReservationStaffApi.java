package o2o.reservations.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.reservations.Reservations;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A store's bookings for its staff: the booking rules (owners and managers), the day's bookings, check-in at a table,
 * no-shows and cancellations (floor staff). Another merchant's store or booking is "not found".
 */
@RestController
@Tag(name = "Merchant: reservations")
class ReservationStaffApi {

    private final Reservations reservations;

    ReservationStaffApi(Reservations reservations) {
        this.reservations = reservations;
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/reservations/settings")
    SettingsBody settings(StaffPrincipal staff, @PathVariable UUID storeId) {
        return SettingsBody.of(reservations.settings(staff, storeId)
                .orElseThrow(() -> Problem.notFound("reservation settings")));
    }

    @PutMapping("/api/v1/merchant/stores/{storeId}/reservations/settings")
    SettingsBody saveSettings(StaffPrincipal staff, @PathVariable UUID storeId, @RequestBody SettingsBody body) {
        reservations.managedStore(staff, storeId);
        return SettingsBody.of(reservations.saveSettings(staff, storeId, body.toSettings()));
    }

    /** The store's bookings on {@code date} (the store's own calendar), by slot. */
    @GetMapping("/api/v1/merchant/stores/{storeId}/reservations")
    List<ReservationResponse> day(StaffPrincipal staff, @PathVariable UUID storeId, @RequestParam String date) {
        return reservations.day(staff, storeId, ReservationApi.date(date)).stream().map(ReservationResponse::of).toList();
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}")
    ReservationResponse get(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.get(staff, new StoreId(storeId), id));
    }

    /** The party arrived: seats it at a free table (409 {@code table-occupied} if taken); the deposit is returned. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}/check-in")
    ReservationResponse checkIn(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id,
            @RequestBody CheckIn body) {
        reservations.floorStore(staff, storeId);
        if (body.tableId() == null) throw new InvalidInput("tableId", "required");
        return ReservationResponse.of(reservations.checkIn(staff, new StoreId(storeId), id, body.tableId()));
    }

    /** The party did not come (from 15 minutes after the slot): the deposit is forfeited. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}/no-show")
    ReservationResponse noShow(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.noShow(staff, new StoreId(storeId), id));
    }

    /** The store cancels the booking: the slot is freed and a paid deposit refunded in full. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}/cancel")
    ReservationResponse cancel(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.cancel(staff, new StoreId(storeId), id));
    }
}

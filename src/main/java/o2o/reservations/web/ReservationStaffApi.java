package o2o.reservations.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.reservations.ReservationSettings;
import o2o.reservations.ReservationSettings.TableType;
import o2o.reservations.Reservations;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
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

    record TypeBody(@Nullable String name, @Nullable Integer minParty, @Nullable Integer maxParty,
            @Nullable Integer tables) {}

    /** Slots per weekday (MONDAY … SUNDAY) as times like "18:00"; the deposit in fen, per booking or per person. */
    record SettingsBody(@Nullable Map<DayOfWeek, List<String>> slots, @Nullable List<TypeBody> tableTypes,
            @Nullable Integer daysAhead, @Nullable Integer cutoffMinutes, @Nullable Long depositMinor,
            @Nullable Boolean depositPerPerson, @Nullable Integer freeCancelHours, @Nullable Integer reminderMinutes) {

        static SettingsBody of(ReservationSettings s) {
            var slots = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
            for (var day : DayOfWeek.values()) slots.put(day, s.slotsOn(day).stream().map(LocalTime::toString).toList());
            return new SettingsBody(slots, s.tableTypes().stream()
                    .map(t -> new TypeBody(t.name(), t.minParty(), t.maxParty(), t.tables())).toList(),
                    s.daysAhead(), s.cutoffMinutes(), s.deposit().minor(), s.depositPerPerson(), s.freeCancelHours(),
                    s.reminderMinutes());
        }

        ReservationSettings toSettings() {
            if (slots == null) throw new InvalidInput("slots", "required");
            if (tableTypes == null) throw new InvalidInput("tableTypes", "required");
            var days = new EnumMap<DayOfWeek, List<LocalTime>>(DayOfWeek.class);
            slots.forEach((day, times) -> days.put(day, (times == null ? List.<String>of() : times).stream()
                    .map(t -> ReservationSettings.parseTime("slots", t == null ? "" : t)).toList()));
            var types = tableTypes.stream().map(t -> {
                if (t == null || t.name() == null || t.minParty() == null || t.maxParty() == null || t.tables() == null) {
                    throw new InvalidInput("tableTypes", "each needs name, minParty, maxParty and tables");
                }
                return new TableType(t.name(), t.minParty(), t.maxParty(), t.tables());
            }).toList();
            if (depositMinor != null && depositMinor < 0) throw new InvalidInput("depositMinor", "0 or more");
            return new ReservationSettings(days, types, required("daysAhead", daysAhead),
                    required("cutoffMinutes", cutoffMinutes), Money.cny(depositMinor == null ? 0 : depositMinor),
                    Boolean.TRUE.equals(depositPerPerson), required("freeCancelHours", freeCancelHours),
                    required("reminderMinutes", reminderMinutes));
        }

        private static int required(String field, @Nullable Integer value) {
            if (value == null) throw new InvalidInput(field, "required");
            return value;
        }
    }

    record CheckIn(@Nullable UUID tableId) {}

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
        return ReservationResponse.of(reservations.get(staff, storeId, id));
    }

    /** The party arrived: seats it at a free table (409 {@code table-occupied} if taken); the deposit is returned. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}/check-in")
    ReservationResponse checkIn(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id,
            @RequestBody CheckIn body) {
        reservations.floorStore(staff, storeId);
        if (body.tableId() == null) throw new InvalidInput("tableId", "required");
        return ReservationResponse.of(reservations.checkIn(staff, storeId, id, body.tableId()));
    }

    /** The party did not come (from 15 minutes after the slot): the deposit is forfeited. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}/no-show")
    ReservationResponse noShow(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.noShow(staff, storeId, id));
    }

    /** The store cancels the booking: the slot is freed and a paid deposit refunded in full. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/reservations/{id}/cancel")
    ReservationResponse cancel(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id) {
        return ReservationResponse.of(reservations.cancel(staff, storeId, id));
    }
}

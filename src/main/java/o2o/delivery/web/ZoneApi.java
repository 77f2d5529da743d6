package o2o.delivery.web;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.delivery.Area;
import o2o.delivery.DeliverySettings;
import o2o.delivery.DeliveryZones;
import o2o.delivery.Fee;
import o2o.delivery.Zone;
import o2o.delivery.ZoneDraft;
import o2o.identity.StaffPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Owners and managers draw a store's delivery zones and say how it delivers. */
@RestController
@Tag(name = "Merchant: delivery zones")
class ZoneApi {

    private static final String ZONES = "/api/v1/merchant/stores/{storeId}/delivery/zones";

    private final DeliveryZones zones;

    ZoneApi(DeliveryZones zones) {
        this.zones = zones;
    }

    record Point(@NotNull @Min(-90) @Max(90) Double lat, @NotNull @Min(-180) @Max(180) Double lng) {}

    record Band(@NotNull @Min(0) @Max(100_000) Integer fromMeters, @NotNull Money perKm) {}

    /**
     * A zone: {@code radiusMeters} (a circle round the store) or {@code points} (a polygon, in order), one of the two;
     * {@code priority} 1 is tried first; {@code hours} like the store's ("09:00-21:00" per weekday), empty for the
     * store's own.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DeliveryZoneRequest")
    record ZoneRequest(@NotBlank @Size(max = 40) String name, @NotNull @Min(1) @Max(1000) Integer priority,
            @Nullable @Min(1) @Max(100_000) Integer radiusMeters,
            @Nullable @Size(max = 500) List<@Valid @NotNull Point> points, @NotNull Money minimum,
            @NotNull Money baseFee, @Nullable @Size(max = 20) List<@Valid @NotNull Band> feeBands,
            @Nullable Map<DayOfWeek, List<String>> hours) {

        ZoneDraft draft() {
            return new ZoneDraft(name, priority, radiusMeters,
                    points == null ? null : points.stream().map(p -> new GeoPoint(p.lat(), p.lng())).toList(),
                    minimum, baseFee,
                    feeBands == null ? List.of()
                            : feeBands.stream().map(b -> new Fee.Band(b.fromMeters(), b.perKm())).toList(),
                    hours);
        }
    }

    record ZoneResponse(UUID id, String name, int priority, @Nullable Integer radiusMeters,
            @Nullable List<Point> points, Money minimum, Money baseFee, List<Band> feeBands,
            @Nullable Map<DayOfWeek, List<String>> hours) {

        static ZoneResponse of(Zone z) {
            var circle = z.area() instanceof Area.Circle c ? c : null;
            var polygon = z.area() instanceof Area.Polygon p ? p : null;
            return new ZoneResponse(z.id(), z.name(), z.priority(), circle == null ? null : circle.radiusMeters(),
                    polygon == null ? null
                            : polygon.points().stream().map(p -> new Point(p.lat(), p.lng())).toList(),
                    z.minimum(), z.fee().base(),
                    z.fee().bands().stream().map(b -> new Band(b.fromMeters(), b.perKm())).toList(),
                    z.hours() == null ? null : z.hours().asText());
        }
    }

    @GetMapping(ZONES)
    List<ZoneResponse> list(StaffPrincipal staff, @PathVariable UUID storeId) {
        return zones.zones(staff, storeId).stream().map(ZoneResponse::of).toList();
    }

    @PostMapping(ZONES)
    @ResponseStatus(HttpStatus.CREATED)
    ZoneResponse add(StaffPrincipal staff, @PathVariable UUID storeId, @Valid @RequestBody ZoneRequest request) {
        return ZoneResponse.of(zones.save(staff, new StoreId(storeId), null, request.draft()));
    }

    @PutMapping(ZONES + "/{zoneId}")
    ZoneResponse change(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID zoneId,
            @Valid @RequestBody ZoneRequest request) {
        return ZoneResponse.of(zones.save(staff, new StoreId(storeId), zoneId, request.draft()));
    }

    @DeleteMapping(ZONES + "/{zoneId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID zoneId) {
        zones.remove(staff, new StoreId(storeId), zoneId);
    }

    /** How the store delivers: minutes to prepare and per queued order, speed, capacity, who carries, own cost. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DeliverySettingsRequest")
    record Settings(@NotNull @Min(0) @Max(240) Integer preparationMinutes,
            @NotNull @Min(0) @Max(60) Integer minutesPerQueued, @NotNull @Min(1) @Max(120) Integer speedKmh,
            @NotNull @Min(1) @Max(1000) Integer capacity, @NotBlank @Size(max = 31) String provider,
            @NotNull Money ownCost) {

        static Settings of(DeliverySettings s) {
            return new Settings(s.preparationMinutes(), s.minutesPerQueued(), s.speedKmh(), s.capacity(),
                    s.provider(), s.ownCost());
        }

        DeliverySettings settings() {
            return new DeliverySettings(preparationMinutes, minutesPerQueued, speedKmh, capacity, provider, ownCost);
        }
    }

    @GetMapping("/api/v1/merchant/stores/{storeId}/delivery/settings")
    Settings settings(StaffPrincipal staff, @PathVariable UUID storeId) {
        return Settings.of(zones.settings(staff, storeId));
    }

    @PutMapping("/api/v1/merchant/stores/{storeId}/delivery/settings")
    Settings save(StaffPrincipal staff, @PathVariable UUID storeId, @Valid @RequestBody Settings settings) {
        return Settings.of(zones.save(staff, storeId, settings.settings()));
    }
}

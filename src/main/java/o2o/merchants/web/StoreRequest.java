package o2o.merchants.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.merchants.OpeningHours;
import o2o.merchants.StoreDetails;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** A store as sent to the API to open or edit it. */
record StoreRequest(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 200) String address,
        @NotBlank @Size(max = 40) String city,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
        @Nullable @Size(max = 30) String phone,
        @Nullable @Size(max = 60) String timeZone,
        @Nullable Map<DayOfWeek, List<String>> openingHours,
        @Nullable @Min(0) @Max(100_000) Integer serviceRadiusMeters,
        @NotBlank @Size(max = 40) String category,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 20) String> tags,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 500) String> photos,
        @Nullable Boolean active) {

    StoreDetails toDetails() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "Asia/Shanghai" : timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInput("timeZone", "not a time zone id like Asia/Shanghai");
        }
        return new StoreDetails(name, address, city, new GeoPoint(lat, lng), phone, zone,
                openingHours == null ? OpeningHours.closed() : OpeningHours.parse(openingHours),
                serviceRadiusMeters == null ? 3000 : serviceRadiusMeters, category,
                tags == null ? List.of() : tags, photos == null ? List.of() : photos, active == null || active);
    }
}

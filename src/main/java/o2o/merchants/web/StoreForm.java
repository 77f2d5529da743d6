package o2o.merchants.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import o2o.merchants.OpeningHours;
import o2o.merchants.Store;
import o2o.merchants.StoreDetails;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The store form of the merchant console, as typed. */
record StoreForm(String name, String city, String address, String lat, String lng, @Nullable String phone,
        String category, @Nullable String tags, @Nullable Map<DayOfWeek, String> hours, String timeZone,
        @Nullable Integer serviceRadiusMeters, @Nullable String photos, boolean active) {

    static StoreForm blank() {
        var hours = new EnumMap<DayOfWeek, String>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) hours.put(day, "10:00-22:00");
        return new StoreForm("", "", "", "", "", "", "", "", hours, "Asia/Shanghai", 3000, "", true);
    }

    static StoreForm of(Store store) {
        var hours = new EnumMap<DayOfWeek, String>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) hours.put(day, store.openingHours().textOf(day));
        return new StoreForm(store.name(), store.city(), store.address(), String.valueOf(store.location().lat()),
                String.valueOf(store.location().lng()), store.phone(), store.category(), String.join(", ", store.tags()),
                hours, store.timeZone().getId(), store.serviceRadiusMeters(), String.join("\n", store.photos()),
                store.active());
    }

    StoreDetails toDetails() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("timeZone", "not a time zone id like Asia/Shanghai");
        }
        return new StoreDetails(name, address, city, new GeoPoint(number("lat", lat), number("lng", lng)),
                phone == null || phone.isBlank() ? null : phone.strip(), zone,
                OpeningHours.parseForm(hours == null ? Map.of() : hours),
                serviceRadiusMeters == null ? 0 : serviceRadiusMeters, category,
                tags == null ? List.of() : Arrays.asList(tags.split("[,，]")),
                photos == null ? List.of() : photos.lines().map(String::strip).filter(p -> !p.isEmpty()).toList(),
                active);
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "not a number");
        }
    }
}

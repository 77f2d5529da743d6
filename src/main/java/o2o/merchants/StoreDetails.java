package o2o.merchants;

import java.time.ZoneId;
import java.util.List;

import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** What an owner or manager sets on a store. */
public record StoreDetails(String name, String address, String city, GeoPoint location, @Nullable String phone,
        ZoneId timeZone, OpeningHours openingHours, int serviceRadiusMeters, String category, List<String> tags,
        List<String> photos, boolean active) {

    public StoreDetails {
        require("name", name, 80);
        require("address", address, 200);
        require("city", city, 40);
        require("category", category, 40);
        if (serviceRadiusMeters < 0 || serviceRadiusMeters > 100_000) {
            throw new InvalidInput("serviceRadiusMeters", "must be between 0 and 100000");
        }
        tags = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        photos = List.copyOf(photos);
        if (tags.size() > 20) throw new InvalidInput("tags", "at most 20 tags");
        for (var photo : photos) {
            if (!photo.startsWith("https://") && !photo.startsWith("http://") && !photo.startsWith("/")) {
                throw new InvalidInput("photos", "photos are http(s) URLs");
            }
        }
        if (photos.size() > 20) throw new InvalidInput("photos", "at most 20 photos");
    }

    private static void require(String field, String value, int max) {
        if (value.isBlank()) throw new InvalidInput(field, "must not be blank");
        if (value.length() > max) throw new InvalidInput(field, "at most " + max + " characters");
    }
}

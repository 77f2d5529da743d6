package o2o.merchants;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import o2o.shared.GeoPoint;
import org.jspecify.annotations.Nullable;

/** A place where customers are served. {@code listed} stores (active, of an approved merchant) can be found. */
public record Store(UUID id, UUID merchantId, String merchantName, String name, String address, String city,
        GeoPoint location, @Nullable String phone, ZoneId timeZone, OpeningHours openingHours, int serviceRadiusMeters,
        String category, List<String> tags, List<String> photos, boolean active, boolean listed) {

    public boolean isOpenAt(Instant instant) {
        return openingHours.isOpenAt(instant.atZone(timeZone));
    }
}

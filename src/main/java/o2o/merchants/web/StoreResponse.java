package o2o.merchants.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.merchants.Store;
import org.jspecify.annotations.Nullable;

/** A store as the API shows it. */
record StoreResponse(UUID id, UUID merchantId, String merchantName, String name, String address, String city,
        double lat, double lng, @Nullable String phone, String timeZone, Map<DayOfWeek, List<String>> openingHours,
        boolean openNow, int serviceRadiusMeters, String category, List<String> tags, List<String> photos,
        boolean active, boolean listed) {

    static StoreResponse of(Store store, Instant now) {
        return new StoreResponse(store.id(), store.merchantId(), store.merchantName(), store.name(), store.address(),
                store.city(), store.location().lat(), store.location().lng(), store.phone(), store.timeZone().getId(),
                store.openingHours().asText(), store.isOpenAt(now), store.serviceRadiusMeters(), store.category(),
                store.tags(), store.photos(), store.active(), store.listed());
    }
}

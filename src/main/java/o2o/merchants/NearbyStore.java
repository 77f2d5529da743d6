package o2o.merchants;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A search hit: enough of a store for a list, with its distance from the searcher and its rating, if reviewed. */
public record NearbyStore(UUID id, UUID merchantId, String name, String address, String city, String category,
        List<String> tags, double lat, double lng, long distanceMeters, boolean openNow, String photo,
        List<StoreHighlight> highlights, @Nullable StoreRating rating) {

    NearbyStore withHighlights(List<StoreHighlight> highlights) {
        return new NearbyStore(id, merchantId, name, address, city, category, tags, lat, lng, distanceMeters, openNow,
                photo, highlights, rating);
    }

    NearbyStore withRating(@Nullable StoreRating rating) {
        return new NearbyStore(id, merchantId, name, address, city, category, tags, lat, lng, distanceMeters, openNow,
                photo, highlights, rating);
    }
}

package o2o.merchants;

import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Stores within {@code radiusMeters} of a point, nearest first, optionally matching text or a category. */
public record NearbyQuery(GeoPoint origin, int radiusMeters, int limit, @Nullable String text,
        @Nullable String category, @Nullable String cursor) {

    public static final int MAX_RADIUS_METERS = 50_000;
    public static final int MAX_LIMIT = 100;

    public NearbyQuery {
        if (radiusMeters < 1 || radiusMeters > MAX_RADIUS_METERS) {
            throw new InvalidInput("radiusMeters", "must be between 1 and " + MAX_RADIUS_METERS);
        }
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        if (text != null && text.isBlank()) text = null;
        if (category != null && category.isBlank()) category = null;
        if (text != null && text.length() > 50) throw new InvalidInput("q", "at most 50 characters");
    }
}

package o2o.delivery;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A zone as the merchant draws it: a radius or a polygon's points (one of the two), its priority, minimum order, fee
 * and, where they differ from the store's, its hours.
 */
public record ZoneDraft(String name, int priority, @Nullable Integer radiusMeters, @Nullable List<GeoPoint> points,
        Money minimum, Money baseFee, List<Fee.Band> feeBands, @Nullable Map<DayOfWeek, List<String>> hours) {

    Zone toZone(UUID id, MerchantId merchant, StoreId store) {
        if ((radiusMeters == null) == (points == null || points.isEmpty())) {
            throw new InvalidInput("radiusMeters", "a zone is a radius or a polygon's points, one of the two");
        }
        Area area = radiusMeters != null ? new Area.Circle(radiusMeters) : Area.Polygon.of(points);
        return new Zone(id, merchant, store, name.strip(), priority, area, minimum, new Fee(baseFee, feeBands),
                hours == null || hours.isEmpty() ? null : OpeningHours.parse(hours), true);
    }
}

package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.delivery.Area;
import o2o.delivery.Fee;
import o2o.delivery.Zone;
import o2o.merchants.OpeningHours;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The delivery_zone table: a polygon's points and the fee's bands as JSON, the hours in the store's column format. */
@Repository
public class ZoneRows {

    private static final TypeReference<List<double[]>> POINTS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Long>>> BANDS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, merchant_id, store_id, name, priority, shape, radius_m, points, min_order_minor, base_fee_minor,
            fee_bands, currency, hours, active
            """;

    private final JdbcClient jdbc;

    ZoneRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A store's active zones, in the order they are tried. */
    public List<Zone> ofStore(UUID storeId) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_zone where store_id = :store and active
                        order by priority, base_fee_minor, created_at
                        """)
                .param("store", storeId)
                .query(ZoneRows::zone)
                .list();
    }

    /** Inserts the zone, or replaces the one with its id in the same store; false when the id is another store's. */
    public boolean save(Zone zone, Instant now) {
        var circle = zone.area() instanceof Area.Circle c ? c : null;
        var polygon = zone.area() instanceof Area.Polygon p ? p : null;
        var othersId = jdbc.sql("""
                        select exists (select 1 from delivery_zone where id = :id and merchant_id <> :merchant)
                        """)
                .param("id", zone.id()).param("merchant", zone.merchantId().value())
                .query(Boolean.class).single();
        if (othersId) return false;
        return jdbc.sql("""
                        insert into delivery_zone (id, merchant_id, store_id, name, priority, shape, radius_m, points,
                            min_order_minor, base_fee_minor, fee_bands, currency, hours, active, created_at, updated_at)
                        values (:id, :merchant, :store, :name, :priority, :shape, :radius, cast(:points as jsonb),
                            :minimum, :base, cast(:bands as jsonb), :currency, :hours, :active, :now, :now)
                        on conflict (id, merchant_id) do update set name = excluded.name, priority = excluded.priority,
                            shape = excluded.shape, radius_m = excluded.radius_m, points = excluded.points,
                            min_order_minor = excluded.min_order_minor, base_fee_minor = excluded.base_fee_minor,
                            fee_bands = excluded.fee_bands, currency = excluded.currency, hours = excluded.hours,
                            active = excluded.active, updated_at = excluded.updated_at
                        where delivery_zone.store_id = excluded.store_id
                        """)
                .param("id", zone.id())
                .param("merchant", zone.merchantId().value())
                .param("store", zone.storeId().value())
                .param("name", zone.name())
                .param("priority", zone.priority())
                .param("shape", circle != null ? "CIRCLE" : "POLYGON")
                .param("radius", circle == null ? null : circle.radiusMeters())
                .param("points", polygon == null ? null : points(polygon.points()))
                .param("minimum", zone.minimum().minor())
                .param("base", zone.fee().base().minor())
                .param("bands", bands(zone.fee().bands()))
                .param("currency", zone.fee().base().currency().getCurrencyCode())
                .param("hours", zone.hours() == null ? null : zone.hours().toColumn())
                .param("active", zone.active())
                .param("now", utc(now))
                .update() == 1;
    }

    /** Takes a zone out of use; false when the store has no such zone. */
    public boolean deactivate(UUID merchantId, UUID storeId, UUID zoneId, Instant now) {
        return jdbc.sql("""
                        update delivery_zone set active = false, updated_at = :now
                         where id = :id and merchant_id = :merchant and store_id = :store and active
                        """)
                .param("id", zoneId)
                .param("merchant", merchantId)
                .param("store", storeId)
                .param("now", utc(now))
                .update() == 1;
    }

    static String points(List<GeoPoint> points) {
        var list = new ArrayList<double[]>();
        for (var p : points) list.add(new double[] {p.lat(), p.lng()});
        return JsonMapper.shared().writeValueAsString(list);
    }

    static String bands(List<Fee.Band> bands) {
        var list = bands.stream().map(b -> Map.of("fromMeters", (long) b.fromMeters(), "perKmMinor", b.perKm().minor()))
                .toList();
        return JsonMapper.shared().writeValueAsString(list);
    }

    private static Zone zone(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        Area area;
        if ("CIRCLE".equals(rs.getString("shape"))) {
            area = new Area.Circle(rs.getInt("radius_m"));
        } else {
            var points = new ArrayList<GeoPoint>();
            for (var p : JsonMapper.shared().readValue(rs.getString("points"), POINTS)) {
                points.add(new GeoPoint(p[0], p[1]));
            }
            area = Area.Polygon.of(points);
        }
        var bands = new ArrayList<Fee.Band>();
        for (var b : JsonMapper.shared().readValue(rs.getString("fee_bands"), BANDS)) {
            bands.add(new Fee.Band(Math.toIntExact(b.get("fromMeters")), new Money(b.get("perKmMinor"), currency)));
        }
        var hours = rs.getArray("hours");
        return new Zone(rs.getObject("id", UUID.class), new MerchantId(rs.getObject("merchant_id", UUID.class)),
                new StoreId(rs.getObject("store_id", UUID.class)), rs.getString("name"), rs.getInt("priority"), area,
                new Money(rs.getLong("min_order_minor"), currency),
                new Fee(new Money(rs.getLong("base_fee_minor"), currency), bands),
                hours == null ? null : OpeningHours.fromColumn((String[]) hours.getArray()), rs.getBoolean("active"));
    }
}

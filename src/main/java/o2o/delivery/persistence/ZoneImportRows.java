package o2o.delivery.persistence;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import o2o.delivery.Area;
import o2o.delivery.Zone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Zones inserted in JDBC batches, for bulk imports; one statement per zone would take minutes for a city. */
@Repository
public class ZoneImportRows {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;

    ZoneImportRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts new zones (fresh ids; hours of their stores). */
    public void insertAll(List<Zone> zones, Instant now) {
        var at = Timestamp.from(now);
        for (int from = 0; from < zones.size(); from += BATCH) {
            var chunk = zones.subList(from, Math.min(from + BATCH, zones.size()));
            jdbc.batchUpdate("""
                    insert into delivery_zone (id, merchant_id, store_id, name, priority, shape, radius_m, points,
                        min_order_minor, base_fee_minor, fee_bands, currency, active, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                    """, chunk, chunk.size(), (ps, zone) -> {
                var circle = zone.area() instanceof Area.Circle c ? c : null;
                var polygon = zone.area() instanceof Area.Polygon p ? p : null;
                ps.setObject(1, zone.id());
                ps.setObject(2, zone.merchantId().value());
                ps.setObject(3, zone.storeId().value());
                ps.setString(4, zone.name());
                ps.setInt(5, zone.priority());
                ps.setString(6, circle != null ? "CIRCLE" : "POLYGON");
                if (circle != null) ps.setInt(7, circle.radiusMeters());
                else ps.setNull(7, Types.INTEGER);
                ps.setString(8, polygon == null ? null : ZoneRows.points(polygon.points()));
                ps.setLong(9, zone.minimum().minor());
                ps.setLong(10, zone.fee().base().minor());
                ps.setString(11, ZoneRows.bands(zone.fee().bands()));
                ps.setString(12, zone.fee().base().currency().getCurrencyCode());
                ps.setBoolean(13, zone.active());
                ps.setTimestamp(14, at);
                ps.setTimestamp(15, at);
            });
        }
    }
}

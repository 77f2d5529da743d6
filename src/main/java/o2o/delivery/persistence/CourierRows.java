package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.delivery.CourierOnShift;
import o2o.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery_courier table: a merchant's couriers, whether they are on shift, and where they were last seen. */
@Repository
public class CourierRows {

    private final JdbcClient jdbc;

    CourierRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void shift(UUID merchantId, UUID staffId, String name, boolean onShift, Instant now) {
        jdbc.sql("""
                        insert into delivery_courier (merchant_id, staff_id, name, on_shift, updated_at)
                        values (:merchant, :staff, :name, :onShift, :now)
                        on conflict (merchant_id, staff_id) do update
                            set on_shift = excluded.on_shift, name = excluded.name, updated_at = excluded.updated_at
                        """)
                .param("merchant", merchantId)
                .param("staff", staffId)
                .param("name", name)
                .param("onShift", onShift)
                .param("now", utc(now))
                .update();
    }

    public void position(UUID merchantId, UUID staffId, GeoPoint at, Instant now) {
        jdbc.sql("""
                        update delivery_courier set lat = :lat, lng = :lng, seen_at = :now
                         where merchant_id = :merchant and staff_id = :staff
                        """)
                .param("lat", at.lat())
                .param("lng", at.lng())
                .param("now", utc(now))
                .param("merchant", merchantId)
                .param("staff", staffId)
                .update();
    }

    public Optional<CourierOnShift> find(UUID merchantId, UUID staffId) {
        return jdbc.sql(SELECT + " where c.merchant_id = :merchant and c.staff_id = :staff")
                .param("merchant", merchantId)
                .param("staff", staffId)
                .query(CourierRows::courier)
                .optional();
    }

    /** The merchant's couriers on shift, with how many orders each carries now. */
    public List<CourierOnShift> onShift(UUID merchantId) {
        return jdbc.sql(SELECT + " where c.merchant_id = :merchant and c.on_shift order by c.name")
                .param("merchant", merchantId)
                .query(CourierRows::courier)
                .list();
    }

    /** Whether the merchant has a courier on shift carrying nothing. */
    public boolean anyFree(UUID merchantId) {
        return jdbc.sql("""
                        select exists (select 1 from delivery_courier c
                                        where c.merchant_id = :merchant and c.on_shift
                                          and not exists (select 1 from delivery_order o
                                                           where o.courier_id = c.staff_id
                                                             and o.status in ('COURIER_ASSIGNED', 'PICKED_UP')))
                        """)
                .param("merchant", merchantId)
                .query(Boolean.class)
                .single();
    }

    private static final String SELECT = """
            select c.staff_id, c.name, c.on_shift, c.lat, c.lng, c.seen_at,
                   (select count(*) from delivery_order o
                     where o.courier_id = c.staff_id and o.merchant_id = c.merchant_id
                       and o.status in ('COURIER_ASSIGNED', 'PICKED_UP')) as carrying
              from delivery_courier c
            """;

    private static CourierOnShift courier(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var seen = rs.getObject("seen_at", OffsetDateTime.class);
        var lat = rs.getObject("lat", Double.class);
        return new CourierOnShift(rs.getObject("staff_id", UUID.class), rs.getString("name"), rs.getBoolean("on_shift"),
                lat == null ? null : new GeoPoint(lat, rs.getDouble("lng")), seen == null ? null : seen.toInstant(),
                rs.getInt("carrying"));
    }
}

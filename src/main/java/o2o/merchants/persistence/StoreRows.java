package o2o.merchants.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.merchants.NearbyQuery;
import o2o.merchants.NearbyStore;
import o2o.merchants.OpeningHours;
import o2o.merchants.Store;
import o2o.merchants.StoreDetails;
import o2o.shared.GeoPoint;
import o2o.shared.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store table: the one insert, the guarded update, the reads and the nearby search. */
@Repository
public class StoreRows {

    private static final String COLUMNS = """
            s.id, s.merchant_id, m.name as merchant_name, s.name, s.address, s.city, s.lat, s.lng, s.phone,
            s.time_zone, s.opening_hours, s.service_radius_m, s.category, s.tags, s.photos, s.active, s.listed
            """;

    /**
     * Nearest first on the GiST index over the stored {@code location} ({@code ll_to_earth(lat, lng)}): the box test
     * and the {@code <->} ordering both run on the index, which the scan leaves after {@code limit} rows; the exact
     * great-circle distance then trims the box's corners. The searcher's point is computed once, as an init plan
     * (a scalar subquery), rather than on every row a prepared statement's generic plan visits. The keyset cursor is
     * the last row's index distance and id.
     */
    public static final String NEARBY_SQL = """
            select s.id, s.merchant_id, s.name, s.address, s.city, s.category, s.tags, s.photos, s.lat, s.lng,
                   s.time_zone, s.opening_hours,
                   s.location <-> (select ll_to_earth(:lat, :lng)) as sort_key,
                   earth_distance(s.location, (select ll_to_earth(:lat, :lng))) as distance
            from store s
            where s.listed
              and earth_box((select ll_to_earth(:lat, :lng)), :radius) @> s.location
              and earth_distance(s.location, (select ll_to_earth(:lat, :lng))) <= :radius
              and (cast(:category as text) is null or s.category = :category or :category = any(s.tags))
              and (cast(:pattern as text) is null or s.name ilike :pattern or s.address ilike :pattern)
              and (cast(:after_key as float8) is null
                   or (s.location <-> (select ll_to_earth(:lat, :lng)), s.id) > (:after_key, :after_id))
            order by s.location <-> (select ll_to_earth(:lat, :lng)), s.id
            limit :limit
            """;

    /**
     * The planner cannot estimate how many stores a box holds (PostgreSQL's containment estimate is a constant), so
     * with few stores in the table it would rather read the whole box and sort it, which is every store for a wide
     * radius; the index's nearest-first scan stops after a page. Set for the search's transaction only, and sent
     * with the search itself, so that it costs no round trip of its own.
     */
    public static final String NEAREST_FIRST = "set local enable_bitmapscan = off";

    /** A store found near a point, and its index distance (where the next page starts). */
    public record NearbyRow(NearbyStore store, double sortKey) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    StoreRows(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Up to {@code limit} listed stores near the query's origin after the cursor, nearest first. */
    public List<NearbyRow> nearby(NearbyQuery query, @Nullable Double afterKey, @Nullable UUID afterId, int limit,
            Instant now) {
        var params = new MapSqlParameterSource()
                .addValue("lat", query.origin().lat())
                .addValue("lng", query.origin().lng())
                .addValue("radius", (double) query.radiusMeters())
                .addValue("category", query.category(), Types.VARCHAR)
                .addValue("pattern", query.text() == null ? null : "%" + escapeLike(query.text()) + "%", Types.VARCHAR)
                .addValue("after_key", afterKey, Types.DOUBLE)
                .addValue("after_id", afterId, Types.OTHER)
                .addValue("limit", limit);
        RowMapper<NearbyRow> found = (rs, row) -> new NearbyRow(new NearbyStore(
                        rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("name"),
                        rs.getString("address"), rs.getString("city"), rs.getString("category"),
                        SqlArrays.strings(rs.getArray("tags")), rs.getDouble("lat"), rs.getDouble("lng"),
                        Math.round(rs.getDouble("distance")),
                        OpeningHours.fromColumn((String[]) rs.getArray("opening_hours").getArray())
                                .isOpenAt(now.atZone(ZoneId.of(rs.getString("time_zone")))),
                        firstPhoto(rs), List.of(), null), rs.getDouble("sort_key"));
        // the setting and the search in one round trip: one prepared query of two statements, the rows the second's
        return named.execute(NEAREST_FIRST + ";\n" + NEARBY_SQL, params, statement -> {
            statement.execute();
            if (!statement.getMoreResults()) throw new IllegalStateException("the nearby search answered no rows");
            try (var rows = statement.getResultSet()) {
                return new RowMapperResultSetExtractor<>(found).extractData(rows);
            }
        });
    }

    public Optional<Store> find(UUID storeId) {
        return jdbc.sql("select " + COLUMNS + " from store s join merchant m on m.id = s.merchant_id where s.id = :id")
                .param("id", storeId)
                .query(StoreRows::store)
                .optional();
    }

    /** Many stores at once, in one read; those not found are absent. */
    public List<Store> findAll(java.util.Collection<UUID> storeIds) {
        if (storeIds.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from store s join merchant m on m.id = s.merchant_id where s.id = any(:ids)")
                .param("ids", storeIds.toArray(UUID[]::new))
                .query(StoreRows::store)
                .list();
    }

    /** A merchant's stores by name; only those in {@code storeIds} unless it is empty. */
    public List<Store> ofMerchant(UUID merchantId, List<UUID> storeIds) {
        return jdbc.sql("select " + COLUMNS + """
                         from store s join merchant m on m.id = s.merchant_id
                        where s.merchant_id = :merchant
                          and (cardinality(cast(:stores as uuid[])) = 0 or s.id = any(:stores))
                        order by s.name, s.id
                        """)
                .param("merchant", merchantId)
                .param("stores", storeIds.toArray(UUID[]::new))
                .query(StoreRows::store)
                .list();
    }

    /** A new store, listed when it is active and its merchant approved. */
    public void insert(UUID id, UUID merchantId, StoreDetails details, Instant at) {
        jdbc.sql("""
                        insert into store (id, merchant_id, name, address, city, lat, lng, phone, time_zone,
                                           opening_hours, service_radius_m, category, tags, photos, active, listed,
                                           created_at, updated_at)
                        select :id, m.id, :name, :address, :city, :lat, :lng, :phone, :zone, :hours, :radius,
                               :category, :tags, :photos, :active, :active and m.status = 'APPROVED', :now, :now
                        from merchant m where m.id = :merchant
                        """)
                .params(params(details))
                .param("id", id)
                .param("merchant", merchantId)
                .param("now", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void update(UUID id, UUID merchantId, StoreDetails details, Instant at) {
        jdbc.sql("""
                        update store s set name = :name, address = :address, city = :city, lat = :lat, lng = :lng,
                            phone = :phone, time_zone = :zone, opening_hours = :hours, service_radius_m = :radius,
                            category = :category, tags = :tags, photos = :photos, active = :active,
                            listed = :active and m.status = 'APPROVED', updated_at = :now
                        from merchant m
                        where s.id = :id and s.merchant_id = :merchant and m.id = s.merchant_id
                        """)
                .params(params(details))
                .param("id", id)
                .param("merchant", merchantId)
                .param("now", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static Map<String, Object> params(StoreDetails details) {
        var params = new HashMap<String, Object>();
        params.put("name", details.name().strip());
        params.put("address", details.address().strip());
        params.put("city", details.city().strip());
        params.put("lat", details.location().lat());
        params.put("lng", details.location().lng());
        params.put("phone", details.phone());
        params.put("zone", details.timeZone().getId());
        params.put("hours", details.openingHours().toColumn());
        params.put("radius", details.serviceRadiusMeters());
        params.put("category", details.category().strip());
        params.put("tags", details.tags().toArray(String[]::new));
        params.put("photos", details.photos().toArray(String[]::new));
        params.put("active", details.active());
        return params;
    }

    private static Store store(ResultSet rs, int row) throws SQLException {
        return new Store(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("merchant_name"), rs.getString("name"), rs.getString("address"), rs.getString("city"),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")), rs.getString("phone"),
                ZoneId.of(rs.getString("time_zone")),
                OpeningHours.fromColumn((String[]) rs.getArray("opening_hours").getArray()),
                rs.getInt("service_radius_m"), rs.getString("category"), SqlArrays.strings(rs.getArray("tags")),
                SqlArrays.strings(rs.getArray("photos")), rs.getBoolean("active"), rs.getBoolean("listed"));
    }

    private static String firstPhoto(ResultSet rs) throws SQLException {
        var photos = (String[]) rs.getArray("photos").getArray();
        return photos.length == 0 ? "" : photos[0];
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

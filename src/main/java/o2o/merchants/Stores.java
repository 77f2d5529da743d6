package o2o.merchants;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.SqlArrays;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for stores: staff manage their merchant's stores; anybody finds listed stores near a point.
 * Staff of another merchant get "not found" for a store, so they cannot even learn that it exists.
 */
@Service
public class Stores {

    private static final String COLUMNS = """
            s.id, s.merchant_id, m.name as merchant_name, s.name, s.address, s.city, s.lat, s.lng, s.phone,
            s.time_zone, s.opening_hours, s.service_radius_m, s.category, s.tags, s.photos, s.active, s.listed
            """;

    /**
     * Nearest first on the GiST index over {@code ll_to_earth(lat, lng)}: the box test and the {@code <->} ordering
     * both run on the index; the exact great-circle distance then trims the box's corners. The keyset cursor is the
     * last row's index distance and id.
     */
    static final String NEARBY_SQL = """
            select s.id, s.merchant_id, s.name, s.address, s.city, s.category, s.tags, s.photos, s.lat, s.lng,
                   s.time_zone, s.opening_hours,
                   ll_to_earth(s.lat, s.lng) <-> ll_to_earth(:lat, :lng) as sort_key,
                   earth_distance(ll_to_earth(s.lat, s.lng), ll_to_earth(:lat, :lng)) as distance
            from store s
            where s.listed
              and earth_box(ll_to_earth(:lat, :lng), :radius) @> ll_to_earth(s.lat, s.lng)
              and earth_distance(ll_to_earth(s.lat, s.lng), ll_to_earth(:lat, :lng)) <= :radius
              and (cast(:category as text) is null or s.category = :category or :category = any(s.tags))
              and (cast(:pattern as text) is null or s.name ilike :pattern or s.address ilike :pattern)
              and (cast(:after_key as float8) is null
                   or (ll_to_earth(s.lat, s.lng) <-> ll_to_earth(:lat, :lng), s.id) > (:after_key, :after_id))
            order by ll_to_earth(s.lat, s.lng) <-> ll_to_earth(:lat, :lng), s.id
            limit :limit
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<StoreHighlights> highlights;

    Stores(JdbcClient jdbc, Clock clock, List<StoreHighlights> highlights) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.highlights = highlights;
    }

    @Transactional(readOnly = true)
    public Page<NearbyStore> nearby(NearbyQuery query) {
        var after = Cursor.decode(query.cursor());
        var now = clock.instant();
        var rows = jdbc.sql(NEARBY_SQL)
                .param("lat", query.origin().lat())
                .param("lng", query.origin().lng())
                .param("radius", (double) query.radiusMeters())
                .param("category", new SqlParameterValue(Types.VARCHAR, query.category()))
                .param("pattern", new SqlParameterValue(Types.VARCHAR,
                        query.text() == null ? null : "%" + escapeLike(query.text()) + "%"))
                .param("after_key", new SqlParameterValue(Types.DOUBLE, after == null ? null : after.key()))
                .param("after_id", new SqlParameterValue(Types.OTHER, after == null ? null : after.id()))
                .param("limit", query.limit() + 1)
                .query((rs, row) -> new Hit(new NearbyStore(
                        rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("name"),
                        rs.getString("address"), rs.getString("city"), rs.getString("category"),
                        SqlArrays.strings(rs.getArray("tags")), rs.getDouble("lat"), rs.getDouble("lng"),
                        Math.round(rs.getDouble("distance")),
                        OpeningHours.fromColumn((String[]) rs.getArray("opening_hours").getArray())
                                .isOpenAt(now.atZone(ZoneId.of(rs.getString("time_zone")))),
                        firstPhoto(rs), List.of()), rs.getDouble("sort_key")))
                .list();
        var page = rows.size() <= query.limit() ? rows : rows.subList(0, query.limit());
        var items = withHighlights(page.stream().map(Hit::store).toList(), now);
        if (rows.size() <= query.limit()) return new Page<>(items, null);
        var last = page.getLast();
        return new Page<>(items, new Cursor(last.sortKey(), last.store().id()).encode());
    }

    /** What is on offer at one store now, from every module that sells in stores. */
    @Transactional(readOnly = true)
    public List<StoreHighlight> highlightsAt(UUID storeId) {
        var now = clock.instant();
        return highlights.stream().flatMap(h -> h.at(List.of(storeId), now).getOrDefault(storeId, List.of()).stream())
                .toList();
    }

    private List<NearbyStore> withHighlights(List<NearbyStore> stores, Instant now) {
        if (highlights.isEmpty() || stores.isEmpty()) return stores;
        var ids = stores.stream().map(NearbyStore::id).toList();
        var found = new HashMap<UUID, List<StoreHighlight>>();
        for (var source : highlights) {
            source.at(ids, now).forEach((id, list) -> found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
        }
        return stores.stream().map(s -> s.withHighlights(List.copyOf(found.getOrDefault(s.id(), List.of())))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Store> find(UUID storeId) {
        return jdbc.sql("select " + COLUMNS + " from store s join merchant m on m.id = s.merchant_id where s.id = :id")
                .param("id", storeId)
                .query(Stores::store)
                .optional();
    }

    /** A listed store, as customers see it. */
    @Transactional(readOnly = true)
    public Optional<Store> findListed(UUID storeId) {
        return find(storeId).filter(Store::listed);
    }

    /** The stores this staff member may see: all of the merchant's, or those they are limited to. */
    @Transactional(readOnly = true)
    public List<Store> visibleTo(StaffPrincipal staff) {
        if (staff.merchantId() == null) return List.of();
        return jdbc.sql("select " + COLUMNS + """
                         from store s join merchant m on m.id = s.merchant_id
                        where s.merchant_id = :merchant
                          and (cardinality(cast(:stores as uuid[])) = 0 or s.id = any(:stores))
                        order by s.name, s.id
                        """)
                .param("merchant", staff.merchantId())
                .param("stores", staff.storeIds().toArray(UUID[]::new))
                .query(Stores::store)
                .list();
    }

    /** A store as its staff see it; another merchant's store is "not found". */
    @Transactional(readOnly = true)
    public Store get(StaffPrincipal staff, UUID storeId) {
        return find(storeId)
                .filter(store -> staff.canActIn(store.merchantId(), store.id()))
                .orElseThrow(() -> Problem.notFound("store"));
    }

    @Transactional
    public Store open(StaffPrincipal staff, StoreDetails details) {
        if (staff.merchantId() == null || !staff.role().manages() || !staff.storeIds().isEmpty()) {
            throw Problem.forbidden("only the owner or a merchant-wide manager opens stores");
        }
        var id = Ids.next();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
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
                .param("merchant", staff.merchantId())
                .param("now", now)
                .update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Store update(StaffPrincipal staff, UUID storeId, StoreDetails details) {
        var store = get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers edit stores");
        jdbc.sql("""
                        update store s set name = :name, address = :address, city = :city, lat = :lat, lng = :lng,
                            phone = :phone, time_zone = :zone, opening_hours = :hours, service_radius_m = :radius,
                            category = :category, tags = :tags, photos = :photos, active = :active,
                            listed = :active and m.status = 'APPROVED', updated_at = :now
                        from merchant m
                        where s.id = :id and s.merchant_id = :merchant and m.id = s.merchant_id
                        """)
                .params(params(details))
                .param("id", store.id())
                .param("merchant", store.merchantId())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return find(store.id()).orElseThrow();
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

    static Store store(ResultSet rs, int row) throws SQLException {
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

    private record Hit(NearbyStore store, double sortKey) {}

    /** Where the previous page ended: the index distance and id of its last store. */
    record Cursor(double key, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static @Nullable Cursor decode(@Nullable String text) {
            if (text == null || text.isBlank()) return null;
            try {
                var parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Double.parseDouble(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidInput("cursor", "not a cursor from this search");
            }
        }
    }

}

package o2o.dining.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.Area;
import o2o.merchants.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The parts of each store's floor ({@code dining_area}); a name taken twice in a store is a duplicate key. */
@Repository
public class AreaRepository {

    private final JdbcClient jdbc;

    AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> of(Store store) {
        return jdbc.sql("""
                        select id, merchant_id, store_id, name, position from dining_area
                        where merchant_id = :m and store_id = :s order by position, name
                        """)
                .param("m", store.merchantId()).param("s", store.id()).query(AreaRepository::area).list();
    }

    public Optional<Area> get(Store store, UUID areaId) {
        return jdbc.sql("select id, merchant_id, store_id, name, position from dining_area "
                        + "where id = :id and merchant_id = :m and store_id = :s")
                .param("id", areaId).param("m", store.merchantId()).param("s", store.id())
                .query(AreaRepository::area).optional();
    }

    public void add(Area area, Instant now) {
        jdbc.sql("""
                        insert into dining_area (id, merchant_id, store_id, name, position, created_at)
                        values (:id, :m, :s, :name, :position, :now)
                        """)
                .param("id", area.id()).param("m", area.merchantId()).param("s", area.storeId())
                .param("name", area.name()).param("position", area.position())
                .param("now", utc(now)).update();
    }

    /** False when the store has no such area. */
    public boolean rename(Area area) {
        return jdbc.sql("""
                        update dining_area set name = :name, position = :position
                        where id = :id and merchant_id = :m and store_id = :s
                        """)
                .param("id", area.id()).param("m", area.merchantId()).param("s", area.storeId())
                .param("name", area.name()).param("position", area.position()).update() == 1;
    }

    /** Removes the area only while no table is in it; false otherwise, or when there is none. */
    public boolean removeIfEmpty(Store store, UUID areaId) {
        return jdbc.sql("""
                        delete from dining_area a where a.id = :id and a.merchant_id = :m and a.store_id = :s
                          and not exists (select 1 from dining_table t where t.area_id = a.id)
                        """)
                .param("id", areaId).param("m", store.merchantId()).param("s", store.id()).update() == 1;
    }

    private static Area area(ResultSet rs, int row) throws SQLException {
        return new Area(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getString("name"), rs.getInt("position"));
    }
}

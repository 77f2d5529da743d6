package o2o.dining.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.merchants.Store;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stores' tables ({@code dining_table}); a label taken twice in a store is a duplicate key. */
@Repository
public class TableRepository {

    static final String COLUMNS = "t.id, t.merchant_id, t.store_id, t.area_id, t.label, t.seats, t.code, t.active";

    private final JdbcClient jdbc;

    TableRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live table a QR code names. */
    public Optional<DiningTable> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dining_table t where t.code = :code and t.active")
                .param("code", code).query(TableRepository::table).optional();
    }

    public Optional<DiningTable> get(UUID tableId) {
        return jdbc.sql("select " + COLUMNS + " from dining_table t where t.id = :id")
                .param("id", tableId).query(TableRepository::table).optional();
    }

    /** The store's live tables, by area then label. */
    public List<DiningTable> live(Store store) {
        return jdbc.sql("select " + COLUMNS + """
                         from dining_table t left join dining_area a on a.id = t.area_id
                        where t.merchant_id = :m and t.store_id = :s and t.active
                        order by a.position nulls last, a.name nulls last, t.label
                        """)
                .param("m", store.merchantId()).param("s", store.id()).query(TableRepository::table).list();
    }

    public void add(DiningTable table, Instant now) {
        jdbc.sql("""
                        insert into dining_table (id, merchant_id, store_id, area_id, label, seats, code, created_at)
                        values (:id, :m, :s, :area, :label, :seats, :code, :now)
                        """)
                .param("id", table.id()).param("m", table.merchantId()).param("s", table.storeId())
                .param("area", new SqlParameterValue(Types.OTHER, table.areaId()))
                .param("label", table.label()).param("seats", table.seats())
                .param("code", table.code()).param("now", utc(now)).update();
    }

    /** A live table's label, seats and area; false when the store has no such live table. */
    public boolean update(Store store, UUID tableId, FloorPlan.TableDetails layout) {
        return jdbc.sql("""
                        update dining_table set label = :label, seats = :seats, area_id = :area
                        where id = :id and merchant_id = :m and store_id = :s and active
                        """)
                .param("id", tableId).param("m", store.merchantId()).param("s", store.id())
                .param("area", new SqlParameterValue(Types.OTHER, layout.areaId()))
                .param("label", layout.label()).param("seats", layout.seats()).update() == 1;
    }

    /** Takes a live table out of service only while nobody sits at it; false otherwise, or when there is none. */
    public boolean retireIfFree(Store store, UUID tableId) {
        return jdbc.sql("""
                        update dining_table t set active = false
                        where t.id = :id and t.merchant_id = :m and t.store_id = :s and t.active
                          and not exists (select 1 from table_session x where x.table_id = t.id and x.closed_at is null)
                        """)
                .param("id", tableId).param("m", store.merchantId()).param("s", store.id()).update() == 1;
    }

    static DiningTable table(ResultSet rs, int row) throws SQLException {
        return new DiningTable(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("area_id", UUID.class), rs.getString("label"),
                rs.getInt("seats"), rs.getString("code"), rs.getBoolean("active"));
    }
}

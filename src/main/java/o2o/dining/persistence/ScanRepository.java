package o2o.dining.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.DiningTable;
import o2o.dining.TableScans;
import o2o.dining.TableSession;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every scan of a table's code ({@code table_scan}), and whether it led to a membership. */
@Repository
public class ScanRepository {

    private final JdbcClient jdbc;

    ScanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID id, DiningTable table, TableSession session, @Nullable String trackingCode,
            @Nullable UUID customerId, String dinerKey, Instant now, LocalDate date) {
        jdbc.sql("""
                        insert into table_scan (id, merchant_id, store_id, table_id, session_id, tracking_code,
                                                customer_id, diner_key, scanned_at, scan_date)
                        values (:id, :m, :s, :t, :session, :tracking, :customer, :diner, :now, :date)
                        """)
                .param("id", id).param("m", table.merchantId()).param("s", table.storeId()).param("t", table.id())
                .param("session", session.id())
                .param("tracking", new SqlParameterValue(Types.VARCHAR, trackingCode))
                .param("customer", new SqlParameterValue(Types.OTHER, customerId))
                .param("diner", dinerKey)
                .param("now", utc(now))
                .param("date", date)
                .update();
    }

    /** The table a scan was of. */
    public Optional<DiningTable> tableOf(UUID scanId) {
        return jdbc.sql("select " + TableRepository.COLUMNS
                        + " from table_scan x join dining_table t on t.id = x.table_id where x.id = :id")
                .param("id", scanId).query(TableRepository::table).optional();
    }

    /** The scan, locked until the transaction ends. */
    public Optional<ScanRow> lock(UUID scanId) {
        return jdbc.sql("select merchant_id, session_id, customer_id from table_scan where id = :id for update")
                .param("id", scanId)
                .query((rs, row) -> new ScanRow(rs.getObject("merchant_id", UUID.class),
                        rs.getObject("session_id", UUID.class), rs.getObject("customer_id", UUID.class)))
                .optional();
    }

    /** The scan is the customer's; it led to a join once it did, and stays so. */
    public void joinedBy(UUID scanId, UUID customerId, boolean joinedNow) {
        jdbc.sql("""
                        update table_scan set customer_id = :c, joined = joined or :joined
                        where id = :id
                        """)
                .param("id", scanId).param("c", customerId).param("joined", joinedNow).update();
    }

    /** Scans, distinct diners and joins per store, day and tracking code, of these stores (none: every store). */
    public List<TableScans.Conversion> conversions(UUID merchantId, Collection<UUID> storeIds, LocalDate from,
            LocalDate to) {
        return jdbc.sql("""
                        select store_id, scan_date, tracking_code, count(*) as scans,
                               count(distinct diner_key) as diners, count(*) filter (where joined) as joined
                        from table_scan
                        where merchant_id = :m and scan_date between :from and :to
                          and (cardinality(cast(:stores as uuid[])) = 0 or store_id = any(:stores))
                        group by store_id, scan_date, tracking_code
                        order by scan_date, store_id, tracking_code nulls first
                        """)
                .param("m", merchantId).param("from", from).param("to", to)
                .param("stores", storeIds.toArray(UUID[]::new))
                .query((rs, row) -> new TableScans.Conversion(rs.getObject("store_id", UUID.class),
                        rs.getObject("scan_date", LocalDate.class), rs.getString("tracking_code"),
                        rs.getLong("scans"), rs.getLong("diners"), rs.getLong("joined")))
                .list();
    }
}

package o2o.dining;

import static o2o.shared.Timestamps.utc;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.Enrolment;
import o2o.merchants.Stores;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans of table QR codes and what they lead to: each scan is recorded (table, tracking code, who, when) and opens or
 * joins the table's session; a diner who joins the membership from the scan is counted as a walk-in conversion.
 */
@Service
public class TableScans {

    public static final String CHANNEL = "table-scan";
    private static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Tables tables;
    private final Stores stores;
    private final Enrolment enrolment;
    private final Clock clock;

    TableScans(JdbcClient jdbc, Tables tables, Stores stores, Enrolment enrolment, Clock clock) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.stores = stores;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    /** A recorded scan: where it was and whether the diner is a member of the merchant already. */
    public record Scan(UUID id, DiningTable table, TableSession session, boolean member) {}

    /** One row of the walk-in conversion figures: a store's day for one tracking code (null: none). */
    public record Conversion(UUID storeId, LocalDate date, @Nullable String trackingCode, long scans, long diners,
            long joined) {}

    /**
     * Records a scan of a table's code and opens or joins the table's session.
     *
     * @param dinerKey who scanned, for counting distinct diners: the customer's id when signed in, else a random key
     *                 kept in the phone's cookie
     */
    @Transactional
    public Scan scan(String code, @Nullable String trackingCode, @Nullable UUID customerId, String dinerKey) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        var store = stores.find(table.storeId()).filter(s -> s.listed()).orElseThrow(() -> Problem.notFound("table"));
        var session = tables.openOrJoin(table, "scan", trackingCode);
        if (customerId != null) tables.addDiner(session, customerId);
        var id = Ids.next();
        var now = clock.instant();
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
                .param("date", now.atZone(store.timeZone()).toLocalDate())
                .update();
        boolean member = customerId != null && enrolment.isMember(customerId, table.merchantId());
        return new Scan(id, table, tables.session(session.id()).orElseThrow(), member);
    }

    /** The table a scan was of, for the page that follows it. */
    @Transactional(readOnly = true)
    public DiningTable tableOf(UUID scanId) {
        return jdbc.sql("select " + Tables.TABLE_COLUMNS + " from table_scan x join dining_table t on t.id = x.table_id "
                        + "where x.id = :id")
                .param("id", scanId).query(Tables::table).optional().orElseThrow(() -> Problem.notFound("scan"));
    }

    /**
     * The diner of this scan joins the merchant's membership. The scan is marked as having led to a join only when
     * the customer became a member now (not when they were one already), and only once.
     *
     * @return true when the customer became a member now
     */
    @Transactional
    public boolean join(UUID scanId, UUID customerId, @Nullable String name) {
        var scan = jdbc.sql("select merchant_id, session_id, customer_id from table_scan where id = :id for update")
                .param("id", scanId)
                .query((rs, row) -> new Object[] {rs.getObject("merchant_id", UUID.class),
                        rs.getObject("session_id", UUID.class), rs.getObject("customer_id", UUID.class)})
                .optional().orElseThrow(() -> Problem.notFound("scan"));
        var merchantId = (UUID) scan[0];
        var scannedBy = (UUID) scan[2];
        if (scannedBy != null && !scannedBy.equals(customerId)) throw Problem.forbidden("another diner's scan");
        boolean joinedNow = enrolment.join(customerId, merchantId, CHANNEL, name);
        tables.session((UUID) scan[1]).filter(TableSession::open).ifPresent(s -> tables.addDiner(s, customerId));
        jdbc.sql("""
                        update table_scan set customer_id = :c, joined = joined or :joined
                        where id = :id
                        """)
                .param("id", scanId).param("c", customerId).param("joined", joinedNow).update();
        return joinedNow;
    }

    /** Walk-in conversion figures of the caller's merchant (their stores only, for a store-limited manager). */
    @Transactional(readOnly = true)
    public List<Conversion> conversions(StaffPrincipal staff, LocalDate from, LocalDate to) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers see conversions");
        }
        if (to.isBefore(from)) throw new InvalidInput("to", "on or after from");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) throw new InvalidInput("to", "at most 366 days after from");
        return jdbc.sql("""
                        select store_id, scan_date, tracking_code, count(*) as scans,
                               count(distinct diner_key) as diners, count(*) filter (where joined) as joined
                        from table_scan
                        where merchant_id = :m and scan_date between :from and :to
                          and (cardinality(cast(:stores as uuid[])) = 0 or store_id = any(:stores))
                        group by store_id, scan_date, tracking_code
                        order by scan_date, store_id, tracking_code nulls first
                        """)
                .param("m", staff.merchantId()).param("from", from).param("to", to)
                .param("stores", staff.storeIds().toArray(UUID[]::new))
                .query((rs, row) -> new Conversion(rs.getObject("store_id", UUID.class),
                        rs.getObject("scan_date", LocalDate.class), rs.getString("tracking_code"),
                        rs.getLong("scans"), rs.getLong("diners"), rs.getLong("joined")))
                .list();
    }
}

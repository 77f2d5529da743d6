package o2o.dining;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for tables and their sessions, for the modules that build on them (ordering, bills,
 * reservations). A table has at most one open session, held by a partial unique index: openers that race insert
 * with {@code on conflict do nothing}, and all of them then read the one that won.
 */
@Service
public class Tables {

    static final String TABLE_COLUMNS = "t.id, t.merchant_id, t.store_id, t.area_id, t.label, t.seats, t.code, t.active";
    private static final String SESSION_COLUMNS = """
            s.id, s.merchant_id, s.store_id, s.table_id, s.party_size, s.source, s.tracking_code, s.opened_at,
            s.closed_at,
            array(select d.customer_id from table_session_diner d where d.session_id = s.id
                  order by d.joined_at, d.customer_id) as diners
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Tables(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The live table a QR code names. */
    @Transactional(readOnly = true)
    public Optional<DiningTable> byCode(String code) {
        return jdbc.sql("select " + TABLE_COLUMNS + " from dining_table t where t.code = :code and t.active")
                .param("code", code).query(Tables::table).optional();
    }

    @Transactional(readOnly = true)
    public Optional<DiningTable> table(UUID tableId) {
        return jdbc.sql("select " + TABLE_COLUMNS + " from dining_table t where t.id = :id")
                .param("id", tableId).query(Tables::table).optional();
    }

    @Transactional(readOnly = true)
    public Optional<TableSession> session(UUID sessionId) {
        return jdbc.sql("select " + SESSION_COLUMNS + " from table_session s where s.id = :id")
                .param("id", sessionId).query(Tables::session).optional();
    }

    @Transactional(readOnly = true)
    public Optional<TableSession> openSessionAt(UUID tableId) {
        return jdbc.sql("select " + SESSION_COLUMNS + " from table_session s where s.table_id = :t and s.closed_at is null")
                .param("t", tableId).query(Tables::session).optional();
    }

    /**
     * Seats a party at a free table (a reservation's check-in, or staff): a new session, or 409 {@code table-occupied}
     * when the table already has one. Of two seatings at once, one wins.
     */
    @Transactional
    public TableSession seat(UUID tableId, int partySize, String source) {
        if (partySize < 1 || partySize > 99) throw new InvalidInput("partySize", "between 1 and 99");
        if (source.isBlank() || source.length() > 32) throw new InvalidInput("source", "1-32 characters");
        var table = table(tableId).filter(DiningTable::active).orElseThrow(() -> Problem.notFound("table"));
        var opened = insertSession(table, partySize, source, null);
        if (opened == null) throw Problem.conflict("table-occupied", "the table already has an open session");
        return session(opened).orElseThrow();
    }

    /** The table's open session, opened now (by a scan) if there was none. */
    @Transactional
    public TableSession openOrJoin(DiningTable table, String source, @Nullable String trackingCode) {
        insertSession(table, null, source, trackingCode);
        return openSessionAt(table.id()).orElseThrow();
    }

    /** Adds a signed-in diner to a session; joining again changes nothing. */
    @Transactional
    public void addDiner(TableSession session, UUID customerId) {
        jdbc.sql("""
                        insert into table_session_diner (session_id, merchant_id, customer_id, joined_at)
                        values (:s, :m, :c, :now) on conflict do nothing
                        """)
                .param("s", session.id()).param("m", session.merchantId()).param("c", customerId)
                .param("now", now()).update();
    }

    /** Closes a session (the bill is settled, or staff cleared the table). False when it was closed already. */
    @Transactional
    public boolean close(UUID sessionId) {
        return jdbc.sql("update table_session set closed_at = :now where id = :id and closed_at is null")
                .param("id", sessionId).param("now", now()).update() == 1;
    }

    /** The id of the new session, or null when the table already had an open one. */
    private @Nullable UUID insertSession(DiningTable table, @Nullable Integer partySize, String source,
            @Nullable String trackingCode) {
        var id = Ids.next();
        int inserted = jdbc.sql("""
                        insert into table_session (id, merchant_id, store_id, table_id, party_size, source,
                                                   tracking_code, opened_at)
                        values (:id, :m, :store, :t, :party, :source, :tracking, :now)
                        on conflict (table_id) where closed_at is null do nothing
                        """)
                .param("id", id).param("m", table.merchantId()).param("store", table.storeId())
                .param("t", table.id())
                .param("party", new SqlParameterValue(Types.INTEGER, partySize))
                .param("source", source)
                .param("tracking", new SqlParameterValue(Types.VARCHAR, trackingCode))
                .param("now", now())
                .update();
        return inserted == 1 ? id : null;
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    static DiningTable table(ResultSet rs, int row) throws SQLException {
        return new DiningTable(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("area_id", UUID.class), rs.getString("label"),
                rs.getInt("seats"), rs.getString("code"), rs.getBoolean("active"));
    }

    static TableSession session(ResultSet rs, int row) throws SQLException {
        var closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new TableSession(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("table_id", UUID.class),
                rs.getObject("party_size", Integer.class), rs.getString("source"), rs.getString("tracking_code"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                closed == null ? null : closed.toInstant(), List.of((UUID[]) rs.getArray("diners").getArray()));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

package o2o.dining.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.TableSession;
import o2o.merchants.Store;
import o2o.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parties at the tables ({@code table_session}) and the signed-in diners who joined them
 * ({@code table_session_diner}). A table has at most one open session, held by a partial unique index.
 */
@Repository
public class TableSessionRepository {

    private static final String COLUMNS = """
            s.id, s.merchant_id, s.store_id, s.table_id, s.party_size, s.source, s.tracking_code, s.opened_at,
            s.closed_at,
            array(select d.customer_id from table_session_diner d where d.session_id = s.id
                  order by d.joined_at, d.customer_id) as diners
            """;

    private final JdbcClient jdbc;

    TableSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TableSession> get(UUID sessionId) {
        return jdbc.sql("select " + COLUMNS + " from table_session s where s.id = :id")
                .param("id", sessionId).query(TableSessionRepository::session).optional();
    }

    public Optional<TableSession> openAt(UUID tableId) {
        return jdbc.sql("select " + COLUMNS + " from table_session s where s.table_id = :t and s.closed_at is null")
                .param("t", tableId).query(TableSessionRepository::session).optional();
    }

    /** The ids of the table's last 50 sessions, newest first. */
    public List<UUID> recentAt(UUID tableId) {
        return jdbc.sql("select id from table_session where table_id = :t order by opened_at desc, id desc limit 50")
                .param("t", tableId).query(UUID.class).list();
    }

    /** The id of a new session at the table, or empty when it already has an open one: of two openers, one wins. */
    public Optional<UUID> open(DiningTable table, @Nullable Integer partySize, String source,
            @Nullable String trackingCode, Instant now) {
        var id = Ids.next();
        int inserted = jdbc.sql("""
                        insert into table_session (id, merchant_id, store_id, table_id, party_size, source,
                                                   tracking_code, opened_at)
                        values (:id, :m, :store, :t, :party, :source, :tracking, :now)
                        on conflict (table_id, merchant_id) where closed_at is null do nothing
                        """)
                .param("id", id).param("m", table.merchantId()).param("store", table.storeId())
                .param("t", table.id())
                .param("party", new SqlParameterValue(Types.INTEGER, partySize))
                .param("source", source)
                .param("tracking", new SqlParameterValue(Types.VARCHAR, trackingCode))
                .param("now", utc(now))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Joining again changes nothing. */
    public void addDiner(TableSession session, UUID customerId, Instant now) {
        jdbc.sql("""
                        insert into table_session_diner (session_id, merchant_id, customer_id, joined_at)
                        values (:s, :m, :c, :now) on conflict do nothing
                        """)
                .param("s", session.id()).param("m", session.merchantId()).param("c", customerId)
                .param("now", utc(now)).update();
    }

    /** False when it was closed already. */
    public boolean close(UUID sessionId, Instant now) {
        return jdbc.sql("update table_session set closed_at = :now where id = :id and closed_at is null")
                .param("id", sessionId).param("now", utc(now)).update() == 1;
    }

    /** Every live table of the store with its open session, if any, in floor order. */
    public List<FloorPlan.TableStatus> board(Store store) {
        return jdbc.sql("""
                        select t.id, t.label, a.name as area, t.seats, s.id as session_id, s.party_size, s.opened_at,
                               (select count(*) from table_session_diner d where d.session_id = s.id) as diners
                        from dining_table t
                        left join dining_area a on a.id = t.area_id
                        left join table_session s on s.table_id = t.id and s.closed_at is null
                        where t.merchant_id = :m and t.store_id = :s and t.active
                        order by a.position nulls last, a.name nulls last, t.label
                        """)
                .param("m", store.merchantId()).param("s", store.id())
                .query((rs, row) -> {
                    var session = rs.getObject("session_id", UUID.class);
                    return new FloorPlan.TableStatus(rs.getObject("id", UUID.class), rs.getString("label"),
                            rs.getString("area"), rs.getInt("seats"), session != null, session,
                            rs.getObject("party_size", Integer.class), rs.getInt("diners"),
                            session == null ? null : rs.getObject("opened_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    private static TableSession session(ResultSet rs, int row) throws SQLException {
        var closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new TableSession(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("table_id", UUID.class),
                rs.getObject("party_size", Integer.class), rs.getString("source"), rs.getString("tracking_code"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                closed == null ? null : closed.toInstant(), List.of((UUID[]) rs.getArray("diners").getArray()));
    }
}

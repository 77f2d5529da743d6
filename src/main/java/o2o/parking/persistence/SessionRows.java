package o2o.parking.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.malls.MallId;
import o2o.parking.ParkingSession;
import o2o.parking.ParkingSession.Status;
import o2o.parking.Plate;
import o2o.shared.CustomerId;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of parking sessions: the entry once, and each move forward as one conditional update. */
@Repository
public class SessionRows {

    private static final String COLUMNS = """
            select id, mall_id, plate, entry_id, entered_at, status, paid_by, paid_at, paid_points, paid_minor,
                   exited_at, exit_gross_minor, exit_discount_minor, exit_due_minor
              from parking_session
            """;

    private final JdbcClient jdbc;

    SessionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the entry unless the mall has it under this plate and entry id; answers the session either way. */
    public Entered enter(UUID id, MallId mall, Plate plate, String entryId, Instant enteredAt, Instant now) {
        var added = jdbc.sql("""
                        insert into parking_session (id, mall_id, plate, entry_id, entered_at, status, created_at)
                        values (:id, :m, :p, :e, :entered, 'PARKED', :now)
                        on conflict (mall_id, plate, entry_id) do nothing
                        """)
                .param("id", id).param("m", mall.value()).param("p", plate.number()).param("e", entryId)
                .param("entered", utc(enteredAt)).param("now", utc(now)).update();
        return new Entered(find(mall, plate, entryId).orElseThrow(), added == 1);
    }

    public record Entered(ParkingSession session, boolean isNew) {}

    public Optional<ParkingSession> find(MallId mall, Plate plate, String entryId) {
        return jdbc.sql(COLUMNS + "where mall_id = :m and plate = :p and entry_id = :e")
                .param("m", mall.value()).param("p", plate.number()).param("e", entryId)
                .query(SessionRows::session).optional();
    }

    public Optional<ParkingSession> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = :id").param("id", id).query(SessionRows::session).optional();
    }

    /** The stays of these plates not ended yet, newest first. */
    public List<ParkingSession> current(List<Plate> plates) {
        if (plates.isEmpty()) return List.of();
        return jdbc.sql(COLUMNS + "where plate = any(:plates) and status <> 'EXITED' order by entered_at desc, id")
                .param("plates", plates.stream().map(Plate::number).toArray(String[]::new))
                .query(SessionRows::session).list();
    }

    /** The mall's latest stays, newest first. */
    public List<ParkingSession> latest(MallId mall, int limit) {
        return jdbc.sql(COLUMNS + "where mall_id = :m order by entered_at desc, id limit :limit")
                .param("m", mall.value()).param("limit", limit).query(SessionRows::session).list();
    }

    /** Marks a parked stay paid; false when it is not parked any more (paid or gone: the caller reads which). */
    public boolean pay(UUID id, ParkingSession.Payment payment) {
        return jdbc.sql("""
                        update parking_session set status = 'PAID', paid_by = :c, paid_at = :at, paid_points = :points,
                               paid_minor = :minor
                         where id = :id and status = 'PARKED'
                        """)
                .param("c", payment.by().value()).param("at", utc(payment.at())).param("points", payment.points())
                .param("minor", payment.value().minor()).param("id", id).update() == 1;
    }

    /**
     * Ends a stay that is still in the status the exit was worked out from; false when it moved meanwhile (paid, or
     * ended by a racing call).
     */
    public boolean exit(UUID id, Status from, ParkingSession.Exit exit) {
        return jdbc.sql("""
                        update parking_session set status = 'EXITED', exited_at = :at, exit_gross_minor = :gross,
                               exit_discount_minor = :discount, exit_due_minor = :due
                         where id = :id and status = :from
                        """)
                .param("at", utc(exit.at())).param("gross", exit.gross().minor())
                .param("discount", exit.discount().minor()).param("due", exit.due().minor()).param("id", id)
                .param("from", from.name()).update() == 1;
    }

    private static ParkingSession session(ResultSet rs, int row) throws SQLException {
        ParkingSession.Payment payment = null;
        var paidAt = instant(rs, "paid_at");
        if (paidAt != null) {
            payment = new ParkingSession.Payment(new CustomerId(rs.getObject("paid_by", UUID.class)), paidAt,
                    rs.getLong("paid_points"), Money.cny(rs.getLong("paid_minor")));
        }
        ParkingSession.Exit exit = null;
        var exitedAt = instant(rs, "exited_at");
        if (exitedAt != null) {
            exit = new ParkingSession.Exit(exitedAt, Money.cny(rs.getLong("exit_gross_minor")),
                    Money.cny(rs.getLong("exit_discount_minor")), Money.cny(rs.getLong("exit_due_minor")));
        }
        return new ParkingSession(rs.getObject("id", UUID.class), new MallId(rs.getObject("mall_id", UUID.class)),
                new Plate(rs.getString("plate")), rs.getString("entry_id"), instant(rs, "entered_at"),
                Status.valueOf(rs.getString("status")), payment, exit);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

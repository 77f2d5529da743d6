package o2o.loyalty.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import o2o.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The points lots as they are earned: one lot per earning reference, kept once however often it is recorded. */
@Repository
public class PointsLotRows {

    private static final String INSERT = """
            insert into points_lot (id, program_id, merchant_id, customer_id, reference, points, remaining, earned_at,
                                    expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing
            """;

    /** Points earned in a program at a merchant, good until they expire. */
    public record NewLot(UUID programId, UUID merchantId, UUID customerId, String reference, long points,
            Instant earnedAt, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PointsLotRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Each customer's earliest expiry of points still held in the program between {@code from} and {@code to}. */
    public java.util.Map<UUID, Instant> expiring(UUID programId, Instant from, Instant to) {
        var expiring = new java.util.HashMap<UUID, Instant>();
        jdbc.sql("""
                        select customer_id, min(expires_at) from points_lot
                         where program_id = :p and remaining > 0 and expires_at >= :from and expires_at < :to
                         group by customer_id
                        """)
                .param("p", programId).param("from", o2o.shared.Timestamps.utc(from))
                .param("to", o2o.shared.Timestamps.utc(to))
                .query(rs -> {
                    expiring.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                });
        return expiring;
    }

    public void insert(NewLot lot) {
        jdbc.sql(INSERT)
                .params(Ids.next(), lot.programId(), lot.merchantId(), lot.customerId(), lot.reference(), lot.points(),
                        lot.points(), lot.earnedAt().atOffset(ZoneOffset.UTC), lot.expiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public void insertAll(List<NewLot> lots) {
        template.batchUpdate(INSERT, lots, 10_000, (ps, lot) -> {
            ps.setObject(1, Ids.next());
            ps.setObject(2, lot.programId());
            ps.setObject(3, lot.merchantId());
            ps.setObject(4, lot.customerId());
            ps.setString(5, lot.reference());
            ps.setLong(6, lot.points());
            ps.setLong(7, lot.points());
            ps.setTimestamp(8, Timestamp.from(lot.earnedAt()));
            ps.setTimestamp(9, Timestamp.from(lot.expiresAt()));
        });
    }
}

package o2o.loyalty.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each order added to (and each refund took from) a member's tier measure, once per reference. */
@Repository
public class TierActivities {

    /** The points an order earned in a program, as recorded for the tier measure. */
    public record Earned(UUID programId, long points) {}

    private final JdbcClient jdbc;

    TierActivities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this reference was recorded before. */
    public boolean record(UUID programId, UUID customerId, UUID merchantId, String reference, long points,
            long spendMinor, Instant at) {
        return jdbc.sql("""
                        insert into tier_activity (program_id, customer_id, merchant_id, reference, points, spend_minor, at)
                        values (:p, :c, :m, :ref, :points, :spend, :at) on conflict (reference) do nothing
                        """)
                .param("p", programId).param("c", customerId).param("m", merchantId).param("ref", reference)
                .param("points", points).param("spend", spendMinor).param("at", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    public Optional<Earned> earned(String reference) {
        return jdbc.sql("select program_id, points from tier_activity where reference = :r")
                .param("r", reference)
                .query((rs, row) -> new Earned(rs.getObject("program_id", UUID.class), rs.getLong("points")))
                .optional();
    }
}

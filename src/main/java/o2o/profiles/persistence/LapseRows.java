package o2o.profiles.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import o2o.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members by when they last came: the {@code profile_fact} rows whose last visit falls in a span. */
@Repository
public class LapseRows {

    private final JdbcClient jdbc;

    LapseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, Instant> lastVisitBetween(UUID merchant, Instant from, Instant to) {
        var members = new HashMap<UUID, Instant>();
        jdbc.sql("""
                        select customer_id, last_visit_at from profile_fact
                         where merchant_id = :m and last_visit_at >= :from and last_visit_at < :to
                        """)
                .param("m", merchant).param("from", Timestamps.utc(from)).param("to", Timestamps.utc(to))
                .query(rs -> {
                    members.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                });
        return members;
    }
}

package o2o.outreach.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import o2o.shared.Timestamps;
import o2o.shared.db.WithCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outreach_pending_fact} table: facts a journey starts from (a new member, a used purchase), heard in the
 * fact's transaction, taken in batches. A fact heard twice takes its member in once: the occurrence is the key.
 */
@Repository
public class PendingJourneyFacts {

    public record JourneyFact(String kind, UUID merchant, UUID customer, String occurrence, Instant at) {}

    public record Taken(long id, JourneyFact fact) {}

    private final JdbcClient jdbc;

    PendingJourneyFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One insert, in the transaction of whoever made the fact, sent with its commit ({@link WithCommit#write}). */
    public void add(JourneyFact fact) {
        WithCommit.write(jdbc, """
                        insert into outreach_pending_fact (kind, merchant_id, customer_id, occurrence, at)
                        values (?, ?, ?, ?, ?)
                        """, Arrays.asList(fact.kind(), fact.merchant(), fact.customer(), fact.occurrence(),
                Timestamps.utc(fact.at())));
    }

    /** Takes (deletes, for the caller's transaction) the oldest facts not set aside, skipping rows others hold. */
    public List<Taken> take(int limit) {
        return jdbc.sql("""
                        delete from outreach_pending_fact
                        where id in (select id from outreach_pending_fact where set_aside is null order by id
                                     limit :limit for update skip locked)
                        returning id, kind, merchant_id, customer_id, occurrence, at
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Taken(rs.getLong(1), new JourneyFact(rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getTimestamp(6).toInstant())))
                .list();
    }

    public void setAside(long id, String error) {
        jdbc.sql("update outreach_pending_fact set set_aside = :error where id = :id")
                .param("error", error).param("id", id).update();
    }
}

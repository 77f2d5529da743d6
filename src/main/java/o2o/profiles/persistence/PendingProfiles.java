package o2o.profiles.persistence;

import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.shared.Timestamps;
import o2o.shared.db.WithCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code profile_pending_fact} table (facts heard, not yet in the profiles) and {@code profile_applied_fact}
 * (the facts the profiles count, each once).
 */
@Repository
public class PendingProfiles {

    /** A fact as heard; {@code factId} is what makes it once within its kind; {@code amount} in minor units. */
    public record PendingFact(String kind, String factId, UUID merchantId, @Nullable UUID customerId,
            @Nullable UUID orderId, long amount, Instant at) {}

    /** A fact taken, by the number it was stored under. */
    public record Taken(long id, PendingFact fact) {}

    private final JdbcClient jdbc;

    PendingProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One insert, in the transaction of whoever made the fact, sent with its commit ({@link WithCommit#write}). */
    public void add(PendingFact fact) {
        WithCommit.write(jdbc, """
                        insert into profile_pending_fact (kind, fact_id, merchant_id, customer_id, order_id, amount, at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """, Arrays.asList(fact.kind(), fact.factId(), fact.merchantId(),
                new SqlParameterValue(Types.OTHER, fact.customerId()),
                new SqlParameterValue(Types.OTHER, fact.orderId()),
                fact.amount(), Timestamps.utc(fact.at())));
    }

    /** Takes (deletes, for the caller's transaction) the oldest facts not set aside, skipping rows others hold. */
    public List<Taken> take(int limit) {
        return jdbc.sql("""
                        delete from profile_pending_fact
                        where id in (select id from profile_pending_fact where set_aside is null order by id
                                     limit :limit for update skip locked)
                        returning id, kind, fact_id, merchant_id, customer_id, order_id, amount, at
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Taken(rs.getLong(1), new PendingFact(rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getLong(7), rs.getTimestamp(8).toInstant())))
                .list();
    }

    /** A fact that cannot be counted stays, with why, and is taken no more. */
    public void setAside(long id, String error) {
        jdbc.sql("update profile_pending_fact set set_aside = :error where id = :id")
                .param("error", error).param("id", id).update();
    }

    /** Records the facts of one kind as counted, in one statement; returns those recorded now (not before). */
    public Set<String> firstTimeAll(String kind, List<String> factIds) {
        if (factIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("""
                        insert into profile_applied_fact (kind, fact_id)
                        select :kind, id from unnest(cast(:ids as text[])) as x(id)
                        on conflict do nothing
                        returning fact_id
                        """)
                .param("kind", kind).param("ids", factIds.toArray(String[]::new)).query(String.class).list());
    }
}

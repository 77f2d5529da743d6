package o2o.commissions.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.shared.Timestamps;
import o2o.shared.db.WithCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code commission_pending_fact} table: paid orders and refunds heard in their own transaction, taken in batches
 * by one drain at a time (an advisory lock), so the facts of one order are counted in the order they happened; and
 * {@code commission_applied_fact}, the facts counted, so a fact heard twice counts once.
 */
@Repository
public class PendingCommissions {

    /** A paid order ({@code PAID}: amount = total) or a refund ({@code REFUND}: amount refunded, of the total). */
    public record Fact(String kind, UUID orderId, UUID merchantId, long amountMinor, long orderTotalMinor,
            String reference, Instant at) {

        /** What the fact is, for counting it once: the order, and the refund's reference. */
        public String key() {
            return kind.equals("PAID") ? orderId.toString() : orderId + ":" + reference;
        }
    }

    public record Taken(long id, Fact fact) {}

    private final JdbcClient jdbc;

    PendingCommissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One insert, in the transaction of whoever made the fact, sent with its commit ({@link WithCommit#write}). */
    public void add(Fact fact) {
        WithCommit.write(jdbc, """
                        insert into commission_pending_fact (kind, order_id, merchant_id, amount_minor,
                                                             order_total_minor, reference, at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """, Arrays.asList(fact.kind(), fact.orderId(), fact.merchantId(), fact.amountMinor(),
                fact.orderTotalMinor(), fact.reference(), Timestamps.utc(fact.at())));
    }

    /**
     * Takes (deletes, for the caller's transaction) the oldest facts not set aside; none while another drain holds
     * the module's lock, which is held until this transaction ends.
     */
    public List<Taken> take(int limit) {
        boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "commission-drain").query(Boolean.class).single());
        if (!mine) return List.of();
        return jdbc.sql("""
                        delete from commission_pending_fact
                        where id in (select id from commission_pending_fact where set_aside is null order by id
                                     limit :limit for update skip locked)
                        returning id, kind, order_id, merchant_id, amount_minor, order_total_minor, reference, at
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Taken(rs.getLong(1), new Fact(rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getLong(5), rs.getLong(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant())))
                .list()
                .stream().sorted(java.util.Comparator.comparingLong(Taken::id)).toList();
    }

    public void setAside(long id, String error) {
        jdbc.sql("update commission_pending_fact set set_aside = :error where id = :id")
                .param("error", error).param("id", id).update();
    }

    /** Records facts of a kind as counted; answers those recorded now (not counted before). */
    public Set<String> recordFirst(String kind, List<String> ids) {
        return new HashSet<>(jdbc.sql("""
                        insert into commission_applied_fact (kind, fact_id)
                        select :kind, unnest(cast(:ids as text[])) on conflict do nothing returning fact_id
                        """)
                .param("kind", kind).param("ids", ids.toArray(String[]::new))
                .query(String.class).list());
    }

    /** Facts not yet counted (for tests and monitoring). */
    public long pending() {
        return jdbc.sql("select count(*) from commission_pending_fact where set_aside is null").query(Long.class)
                .single();
    }
}

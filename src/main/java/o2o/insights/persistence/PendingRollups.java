package o2o.insights.persistence;

import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import o2o.shared.Timestamps;
import o2o.shared.db.WithCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code insights_pending_fact} table: facts heard, not yet added to the rollups. */
@Repository
public class PendingRollups {

    /**
     * A fact as heard. {@code amount} is money in minor units, or points; {@code factId} is what makes the fact once.
     */
    public record PendingFact(String kind, String factId, UUID merchantId, @Nullable UUID customerId,
            @Nullable UUID orderId, @Nullable UUID storeId, long amount, Instant at) {}

    /** A fact taken, by the number it was stored under. */
    public record Taken(long id, PendingFact fact) {}

    private final JdbcClient jdbc;

    PendingRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One insert, in the transaction of whoever made the fact, sent with its commit ({@link WithCommit#write}). */
    public void add(PendingFact fact) {
        WithCommit.write(jdbc, """
                        insert into insights_pending_fact (kind, fact_id, merchant_id, customer_id, order_id, store_id,
                                                           amount, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """, Arrays.asList(fact.kind(), fact.factId(), fact.merchantId(),
                new SqlParameterValue(Types.OTHER, fact.customerId()),
                new SqlParameterValue(Types.OTHER, fact.orderId()),
                new SqlParameterValue(Types.OTHER, fact.storeId()), fact.amount(), Timestamps.utc(fact.at())));
    }

    /**
     * Takes the oldest facts, at most {@code limit}: they are deleted now and gone for good when the transaction
     * commits, so the caller adds them to the rollups in the same transaction. Rows another transaction holds are
     * skipped, and so are facts set aside.
     */
    public List<Taken> take(int limit) {
        return jdbc.sql("""
                        delete from insights_pending_fact
                        where id in (select id from insights_pending_fact where set_aside is null order by id
                                     limit :limit for update skip locked)
                        returning id, kind, fact_id, merchant_id, customer_id, order_id, store_id, amount, at
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Taken(rs.getLong(1), new PendingFact(rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getObject(7, UUID.class), rs.getLong(8), rs.getTimestamp(9).toInstant())))
                .list();
    }

    /** A fact that cannot be counted stays, with why, and is taken no more. */
    public void setAside(long id, String error) {
        jdbc.sql("update insights_pending_fact set set_aside = :error where id = :id")
                .param("error", error).param("id", id).update();
    }
}

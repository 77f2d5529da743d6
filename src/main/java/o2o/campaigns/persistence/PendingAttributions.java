package o2o.campaigns.persistence;

import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.FactKind;
import o2o.shared.Timestamps;
import o2o.shared.db.WithCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign_pending_fact} table: facts heard, not yet attributed. */
@Repository
public class PendingAttributions {

    /**
     * A fact as heard: a paid order (its total), a refund (its amount and reference), a redemption (its id as the
     * fact's, its order, store and customer) or a membership (its customer).
     */
    public record PendingFact(FactKind kind, String factId, UUID merchantId, @Nullable UUID customerId,
            @Nullable UUID orderId, @Nullable UUID storeId, long amountMinor, Currency currency,
            @Nullable String reference, Instant at) {}

    /** A fact taken, by the number it was stored under. */
    public record Taken(long id, PendingFact fact) {}

    private final JdbcClient jdbc;

    PendingAttributions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One insert, in the transaction of whoever made the fact, sent with its commit ({@link WithCommit#write}). */
    public void add(PendingFact fact) {
        WithCommit.write(jdbc, """
                        insert into campaign_pending_fact (kind, fact_id, merchant_id, customer_id, order_id, store_id,
                                                           amount, currency, reference, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, Arrays.asList(fact.kind().name(), fact.factId(), fact.merchantId(),
                new SqlParameterValue(Types.OTHER, fact.customerId()),
                new SqlParameterValue(Types.OTHER, fact.orderId()),
                new SqlParameterValue(Types.OTHER, fact.storeId()), fact.amountMinor(),
                fact.currency().getCurrencyCode(), new SqlParameterValue(Types.VARCHAR, fact.reference()),
                Timestamps.utc(fact.at())));
    }

    /**
     * Takes the oldest facts, at most {@code limit}: deleted now, gone for good when the transaction commits, so the
     * caller attributes them in the same transaction. Rows another transaction holds are skipped.
     */
    public List<Taken> take(int limit) {
        return jdbc.sql("""
                        delete from campaign_pending_fact
                        where id in (select id from campaign_pending_fact where set_aside is null order by id
                                     limit :limit for update skip locked)
                        returning id, kind, fact_id, merchant_id, customer_id, order_id, store_id, amount, currency,
                                  reference, at
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Taken(rs.getLong(1), new PendingFact(FactKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getLong(8),
                        Currency.getInstance(rs.getString(9)), rs.getString(10), rs.getTimestamp(11).toInstant())))
                .list();
    }

    /** A fact that cannot be counted stays, with why, and is taken no more. */
    public void setAside(long id, String error) {
        jdbc.sql("update campaign_pending_fact set set_aside = :error where id = :id")
                .param("error", error).param("id", id).update();
    }
}

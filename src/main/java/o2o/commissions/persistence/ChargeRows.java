package o2o.commissions.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code commission_charge} table (one charge per order and taker) and {@code commission_reversal} (one per
 * order, taker and refund). A charge's refunded and reversed amounts move by a compare-and-set on what was read.
 */
@Repository
public class ChargeRows {

    public record Row(UUID orderId, String taker, @Nullable UUID takerMerchantId, UUID merchantId, long orderTotal,
            int rateBps, long commission, long refunded, long reversed, Instant chargedAt) {}

    public record Reversal(UUID orderId, String taker, String reference, @Nullable UUID takerMerchantId,
            UUID merchantId, long amount, Instant at) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChargeRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts new charges; one already there for its order and taker is kept as it was. */
    public void insertAll(List<Row> rows) {
        template.batchUpdate("""
                insert into commission_charge (order_id, taker, taker_merchant_id, merchant_id, order_total_minor,
                                               rate_bps, commission_minor, charged_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, rows, 1000, (ps, r) -> {
            ps.setObject(1, r.orderId());
            ps.setString(2, r.taker());
            ps.setObject(3, r.takerMerchantId());
            ps.setObject(4, r.merchantId());
            ps.setLong(5, r.orderTotal());
            ps.setInt(6, r.rateBps());
            ps.setLong(7, r.commission());
            ps.setTimestamp(8, Timestamp.from(r.chargedAt()));
        });
    }

    /** The charges of these orders, by order and taker. */
    public List<Row> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        select order_id, taker, taker_merchant_id, merchant_id, order_total_minor, rate_bps,
                               commission_minor, refunded_minor, reversed_minor, charged_at
                        from commission_charge where order_id = any(:ids) order by order_id, taker
                        """)
                .param("ids", orderIds.toArray(UUID[]::new))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /**
     * Moves a charge's refunded and reversed amounts from what was read to what they are now; false when the row
     * changed meanwhile (then nothing is written, and the caller's transaction must not go on).
     */
    public boolean refund(Row before, long refunded, long reversed) {
        return jdbc.sql("""
                        update commission_charge set refunded_minor = :refunded, reversed_minor = :reversed
                        where order_id = :order and taker = :taker
                          and refunded_minor = :refundedBefore and reversed_minor = :reversedBefore
                        """)
                .param("refunded", refunded).param("reversed", reversed).param("order", before.orderId())
                .param("taker", before.taker()).param("refundedBefore", before.refunded())
                .param("reversedBefore", before.reversed())
                .update() == 1;
    }

    public void insertReversals(List<Reversal> reversals) {
        template.batchUpdate("""
                insert into commission_reversal (order_id, taker, reference, taker_merchant_id, merchant_id,
                                                 amount_minor, at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, reversals, 1000, (ps, r) -> {
            ps.setObject(1, r.orderId());
            ps.setString(2, r.taker());
            ps.setString(3, r.reference());
            ps.setObject(4, r.takerMerchantId());
            ps.setObject(5, r.merchantId());
            ps.setLong(6, r.amount());
            ps.setTimestamp(7, Timestamp.from(r.at()));
        });
    }

    /** The merchants that were ever charged: their refunds are heard even after their rates are gone. */
    public List<UUID> chargedMerchants() {
        return jdbc.sql("select distinct merchant_id from commission_charge").query(UUID.class).list();
    }
}

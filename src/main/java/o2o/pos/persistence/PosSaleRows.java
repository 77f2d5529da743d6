package o2o.pos.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.pos.PaymentMethod;
import o2o.shared.Ids;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code pos_sale} and {@code pos_refund} tables: sales claimed by (store, POS transaction id), their refunds. */
@Repository
public class PosSaleRows {

    private static final String COLUMNS = """
            id, store_id, pos_transaction_id, request_hash, order_id, customer_id, payment_method, sold_at, voided_at
            """;

    /** A sale as kept, with the order it became. */
    public record SaleRow(UUID id, UUID storeId, String posTransactionId, String hash, UUID orderId,
            @Nullable UUID customerId, PaymentMethod paymentMethod, Instant soldAt, @Nullable Instant voidedAt) {}

    /** What a claim writes: the sale's key, fingerprint and the order id it is to become. */
    public record Claim(UUID merchantId, UUID storeId, UUID keyId, String posTransactionId, String hash, UUID orderId,
            @Nullable UUID customerId, Money total, PaymentMethod paymentMethod, Instant soldAt) {}

    private final JdbcClient jdbc;

    PosSaleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sale's row as claimed, or empty if the store's POS transaction id was claimed before (the loser of a race
     * waits for the winner's commit).
     */
    public Optional<SaleRow> claim(Claim claim, Instant now) {
        var id = Ids.next();
        boolean claimed = jdbc.sql("""
                        insert into pos_sale (id, merchant_id, store_id, pos_transaction_id, request_hash, order_id,
                                              customer_id, total_minor, currency, payment_method, sold_at,
                                              recorded_at, key_id)
                        values (:id, :merchant, :store, :txn, :hash, :order, :customer, :total, :currency, :method,
                                :soldAt, :now, :key)
                        on conflict (store_id, pos_transaction_id, merchant_id) do nothing
                        """)
                .param("id", id).param("merchant", claim.merchantId()).param("store", claim.storeId())
                .param("txn", claim.posTransactionId()).param("hash", claim.hash()).param("order", claim.orderId())
                .param("customer", new SqlParameterValue(Types.OTHER, claim.customerId()))
                .param("total", claim.total().minor()).param("currency", claim.total().currency().getCurrencyCode())
                .param("method", claim.paymentMethod().name()).param("soldAt", utc(claim.soldAt()))
                .param("now", utc(now)).param("key", claim.keyId())
                .update() == 1;
        return claimed ? Optional.of(new SaleRow(id, claim.storeId(), claim.posTransactionId(), claim.hash(),
                claim.orderId(), claim.customerId(), claim.paymentMethod(), claim.soldAt(), null)) : Optional.empty();
    }

    public Optional<SaleRow> find(UUID storeId, String posTransactionId) {
        return jdbc.sql("select " + COLUMNS + " from pos_sale where store_id = :store and pos_transaction_id = :txn")
                .param("store", storeId).param("txn", posTransactionId)
                .query(PosSaleRows::row).optional();
    }

    /** The merchant's latest sales, newest first. */
    public List<SaleRow> recent(UUID merchantId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from pos_sale where merchant_id = :merchant order by recorded_at desc, id desc limit :limit
                        """)
                .param("merchant", merchantId).param("limit", limit)
                .query(PosSaleRows::row).list();
    }

    /** False if it was voided before. */
    public boolean voidSale(UUID saleId, Instant now) {
        return jdbc.sql("update pos_sale set voided_at = :now where id = :id and voided_at is null")
                .param("now", utc(now)).param("id", saleId).update() == 1;
    }

    /** False if this refund id was recorded for the sale before. */
    public boolean addRefund(UUID saleId, String refundId, UUID merchantId, long amountMinor, Instant now) {
        return jdbc.sql("""
                        insert into pos_refund (sale_id, refund_id, merchant_id, amount_minor, created_at)
                        values (:sale, :refund, :merchant, :amount, :now) on conflict do nothing
                        """)
                .param("sale", saleId).param("refund", refundId).param("merchant", merchantId)
                .param("amount", amountMinor).param("now", utc(now)).update() == 1;
    }

    public long refundedAmount(UUID saleId, String refundId) {
        return jdbc.sql("select amount_minor from pos_refund where sale_id = :sale and refund_id = :refund")
                .param("sale", saleId).param("refund", refundId).query(Long.class).single();
    }

    private static SaleRow row(ResultSet rs, int row) throws SQLException {
        var voided = rs.getObject("voided_at", OffsetDateTime.class);
        return new SaleRow(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
                rs.getString("pos_transaction_id"), rs.getString("request_hash"), rs.getObject("order_id", UUID.class),
                rs.getObject("customer_id", UUID.class), PaymentMethod.valueOf(rs.getString("payment_method")),
                rs.getObject("sold_at", OffsetDateTime.class).toInstant(), voided == null ? null : voided.toInstant());
    }
}

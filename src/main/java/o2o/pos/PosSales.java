package o2o.pos;

import static o2o.shared.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.PosPrincipal;
import o2o.loyalty.MemberSummary;
import o2o.loyalty.Members;
import o2o.orders.OfflineSale;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's API: a store's POS records its sales, voids and refunds them. A sale is claimed by one insert into a
 * unique (store, POS transaction id) key before its order is made, in the same transaction, so a sale sent twice at
 * once becomes one order; the loser of the race waits for the winner's commit and answers "duplicate".
 */
@Service
public class PosSales {

    public static final int MAX_BATCH = 500;
    static final int MAX_LINES = 200;
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);
    static final Duration OLDEST = Duration.ofDays(7);
    private static final String COLUMNS = """
            id, store_id, pos_transaction_id, request_hash, order_id, customer_id, payment_method, sold_at, voided_at
            """;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Members members;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PosSales(JdbcClient jdbc, Orders orders, Members members, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.members = members;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Records a sale as a PAID order of channel POS. The same sale again answers the first result with
     * {@code duplicate}; a different sale under a transaction id already used is a 409.
     */
    public SaleRecord record(PosPrincipal pos, Sale sale) {
        var valid = validate(sale);
        var customer = memberOf(pos.merchantId(), valid.member());
        return transactions.execute(status -> recordValid(pos, valid, customer));
    }

    /** Records a POS's queued sales in their order, each in its own transaction, and says what became of each. */
    public List<BatchResult> recordBatch(PosPrincipal pos, List<Sale> sales) {
        if (sales.isEmpty() || sales.size() > MAX_BATCH) throw new InvalidInput("sales", "1 to " + MAX_BATCH + " sales");
        var results = new ArrayList<BatchResult>(sales.size());
        for (int i = 0; i < sales.size(); i++) {
            var sale = sales.get(i);
            var id = sale == null ? null : sale.posTransactionId();
            try {
                if (sale == null) throw new InvalidInput("sales[" + i + "]", "missing");
                var recorded = record(pos, sale);
                results.add(new BatchResult(i, id, recorded.duplicate() ? BatchResult.Outcome.DUPLICATE
                        : BatchResult.Outcome.RECORDED, recorded, null));
            } catch (Problem problem) {
                results.add(new BatchResult(i, id, BatchResult.Outcome.REJECTED, null,
                        BatchResult.Rejection.of(problem)));
            }
        }
        return results;
    }

    /** A sale of this POS's store by its transaction id. */
    public SaleRecord find(PosPrincipal pos, String posTransactionId) {
        return transactions.execute(status -> stored(pos.storeId(), posTransactionId)
                .map(row -> saleRecord(row, orders.find(row.orderId()).orElseThrow()))
                .orElseThrow(() -> Problem.notFound("pos-sale")));
    }

    /**
     * Voids a whole sale: whatever of it was not refunded yet goes back (offline), and the points with it. Voiding
     * again answers the same with {@code duplicate}.
     */
    public SaleRecord voidSale(PosPrincipal pos, String posTransactionId) {
        return transactions.execute(status -> {
            var row = stored(pos.storeId(), posTransactionId).orElseThrow(() -> Problem.notFound("pos-sale"));
            int voided = jdbc.sql("update pos_sale set voided_at = :now where id = :id and voided_at is null")
                    .param("now", utc(clock.instant())).param("id", row.id()).update();
            if (voided == 0) return saleRecord(row, orders.find(row.orderId()).orElseThrow()).asDuplicate();
            var order = orders.find(row.orderId()).orElseThrow();
            var rest = order.total().minus(order.refunded());
            if (!rest.isZero()) orders.refund(order.id(), rest, "pos:" + row.id() + ":void");
            return saleRecord(stored(pos.storeId(), posTransactionId).orElseThrow(),
                    orders.find(row.orderId()).orElseThrow());
        });
    }

    /**
     * Refunds part of a sale (offline) and the points in proportion. Idempotent by the POS's refund id: the same
     * refund again changes nothing; the same refund id with another amount is a 409, as is more than is left.
     */
    public SaleRecord refund(PosPrincipal pos, String posTransactionId, @Nullable String refundId,
            @Nullable Long amountMinor) {
        if (refundId == null || refundId.isBlank() || refundId.length() > 64) {
            throw new InvalidInput("refundId", "1 to 64 characters");
        }
        if (amountMinor == null || amountMinor <= 0) throw new InvalidInput("amount", "a positive amount in fen");
        return transactions.execute(status -> {
            var row = stored(pos.storeId(), posTransactionId).orElseThrow(() -> Problem.notFound("pos-sale"));
            var order = orders.find(row.orderId()).orElseThrow();
            int fresh = jdbc.sql("""
                            insert into pos_refund (sale_id, refund_id, merchant_id, amount_minor, created_at)
                            values (:sale, :refund, :merchant, :amount, :now) on conflict do nothing
                            """)
                    .param("sale", row.id()).param("refund", refundId).param("merchant", pos.merchantId())
                    .param("amount", amountMinor).param("now", utc(clock.instant())).update();
            if (fresh == 0) {
                long earlier = jdbc.sql("select amount_minor from pos_refund where sale_id = :sale and refund_id = :refund")
                        .param("sale", row.id()).param("refund", refundId).query(Long.class).single();
                if (earlier != amountMinor) {
                    throw Problem.conflict("pos-refund-conflict", "refund " + refundId + " was already made for another amount");
                }
                return saleRecord(row, order).asDuplicate();
            }
            if (row.voidedAt() != null) throw Problem.conflict("pos-sale-voided", "this sale was voided");
            orders.refund(order.id(), new Money(amountMinor, order.total().currency()),
                    "pos:" + row.id() + ":refund:" + refundId);
            return saleRecord(row, orders.find(row.orderId()).orElseThrow());
        });
    }

    /** The merchant's latest POS sales, newest first, for the console. */
    public List<SaleRecord> recent(UUID merchantId, int limit) {
        return transactions.execute(status -> jdbc.sql("select " + COLUMNS + """
                         from pos_sale where merchant_id = :merchant order by recorded_at desc, id desc limit :limit
                        """)
                .param("merchant", merchantId).param("limit", limit)
                .query(PosSales::row).list()
                .stream().map(row -> saleRecord(row, orders.find(row.orderId()).orElseThrow())).toList());
    }

    private SaleRecord recordValid(PosPrincipal pos, Valid sale, @Nullable UUID customer) {
        var orderId = Ids.next();
        var claimed = jdbc.sql("""
                        insert into pos_sale (id, merchant_id, store_id, pos_transaction_id, request_hash, order_id,
                                              customer_id, total_minor, currency, payment_method, sold_at,
                                              recorded_at, key_id)
                        values (:id, :merchant, :store, :txn, :hash, :order, :customer, :total, :currency, :method,
                                :soldAt, :now, :key)
                        on conflict (store_id, pos_transaction_id) do nothing
                        """)
                .param("id", Ids.next()).param("merchant", pos.merchantId()).param("store", pos.storeId())
                .param("txn", sale.posTransactionId()).param("hash", sale.hash()).param("order", orderId)
                .param("customer", new SqlParameterValue(Types.OTHER, customer))
                .param("total", sale.total().minor()).param("currency", sale.total().currency().getCurrencyCode())
                .param("method", sale.paymentMethod().name()).param("soldAt", utc(sale.soldAt()))
                .param("now", utc(clock.instant())).param("key", pos.keyId())
                .update();
        if (claimed == 0) {
            var earlier = stored(pos.storeId(), sale.posTransactionId()).orElseThrow();
            if (!earlier.hash().equals(sale.hash())) {
                throw new Problem(HttpStatus.CONFLICT, "pos-sale-conflict",
                        "transaction " + sale.posTransactionId() + " was already recorded with different contents");
            }
            return saleRecord(earlier, orders.find(earlier.orderId()).orElseThrow()).asDuplicate();
        }
        var order = orders.recordOfflineSale(new OfflineSale(orderId, pos.merchantId(), customer, sale.lines(),
                sale.total(), sale.soldAt()));
        return saleRecord(stored(pos.storeId(), sale.posTransactionId()).orElseThrow(), order);
    }

    /**
     * The member a sale names, if they are a member of this merchant. A sale is money already taken, so an identifier
     * that names nobody here (or an expired member code) does not refuse it: it is kept as a walk-in sale. Looked up
     * before the sale's transaction, so a lookup's problem cannot mark that transaction for rollback.
     */
    private @Nullable UUID memberOf(UUID merchantId, Sale.@Nullable MemberRef member) {
        if (member == null) return null;
        try {
            return PosMembers.find(members, merchantId, member).map(MemberSummary::customerId).orElse(null);
        } catch (Problem unresolved) {
            return null;
        }
    }

    private Optional<Row> stored(UUID storeId, String posTransactionId) {
        return jdbc.sql("select " + COLUMNS + " from pos_sale where store_id = :store and pos_transaction_id = :txn")
                .param("store", storeId).param("txn", posTransactionId)
                .query(PosSales::row).optional();
    }

    private static SaleRecord saleRecord(Row row, Order order) {
        return new SaleRecord(row.posTransactionId(), row.storeId(), order.id(), order.status(), order.total(),
                order.refunded(), row.paymentMethod(), row.customerId() != null, row.soldAt(), row.voidedAt(), false);
    }

    /** A sale that passed every check, with the fingerprint of what the POS sent. */
    private record Valid(String posTransactionId, Instant soldAt, List<OfflineSale.Line> lines, Money total,
            PaymentMethod paymentMethod, Sale.@Nullable MemberRef member, String hash) {}

    private Valid validate(Sale sale) {
        var txn = sale.posTransactionId();
        if (txn == null || txn.isBlank() || txn.length() > 64) {
            throw new InvalidInput("posTransactionId", "1 to 64 characters");
        }
        var soldAt = sale.soldAt();
        var now = clock.instant();
        if (soldAt == null) throw new InvalidInput("soldAt", "required");
        if (soldAt.isAfter(now.plus(FUTURE_TOLERANCE))) throw new InvalidInput("soldAt", "in the future");
        if (soldAt.isBefore(now.minus(OLDEST))) throw new InvalidInput("soldAt", "more than 7 days ago");
        if (sale.lines() == null || sale.lines().isEmpty() || sale.lines().size() > MAX_LINES) {
            throw new InvalidInput("lines", "1 to " + MAX_LINES + " lines");
        }
        var lines = new ArrayList<OfflineSale.Line>();
        long sum = 0;
        for (int i = 0; i < sale.lines().size(); i++) {
            var line = sale.lines().get(i);
            var field = "lines[" + i + "]";
            if (line == null) throw new InvalidInput(field, "missing");
            if (line.name() == null || line.name().isBlank() || line.name().length() > 100) {
                throw new InvalidInput(field + ".name", "1 to 100 characters");
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 10_000) {
                throw new InvalidInput(field + ".quantity", "1 to 10000");
            }
            if (line.unitPrice() == null || line.unitPrice() < 0) throw new InvalidInput(field + ".unitPrice", "0 or more fen");
            if (line.amount() == null || line.amount() < 0) throw new InvalidInput(field + ".amount", "0 or more fen");
            sum = Math.addExact(sum, line.amount());
            lines.add(new OfflineSale.Line(line.name().strip(), line.quantity(), Money.cny(line.unitPrice()),
                    Money.cny(line.amount())));
        }
        if (sale.total() == null || sale.total() <= 0) throw new InvalidInput("total", "a positive amount in fen");
        if (sum != sale.total()) throw new InvalidInput("total", "the lines add up to " + sum + ", not " + sale.total());
        PaymentMethod method;
        try {
            method = PaymentMethod.valueOf(String.valueOf(sale.paymentMethod()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("paymentMethod", "one of " + List.of(PaymentMethod.values()));
        }
        var member = sale.member();
        if (member != null && PosMembers.given(member) > 1) {
            throw new InvalidInput("member", "at most one of phone, card, memberQr");
        }
        var fingerprint = new StringBuilder().append(txn).append('\n').append(soldAt.toEpochMilli()).append('\n');
        for (var line : lines) {
            fingerprint.append(line.title()).append('\t').append(line.quantity()).append('\t')
                    .append(line.unitPrice().minor()).append('\t').append(line.amount().minor()).append('\n');
        }
        fingerprint.append(sale.total()).append('\n').append(method).append('\n');
        if (member != null) {
            fingerprint.append(member.phone()).append('\t').append(member.card()).append('\t').append(member.memberQr());
        }
        return new Valid(txn, soldAt, lines, Money.cny(sale.total()), method, member, sha256(fingerprint.toString()));
    }

    private record Row(UUID id, UUID storeId, String posTransactionId, String hash, UUID orderId,
            @Nullable UUID customerId, PaymentMethod paymentMethod, Instant soldAt, @Nullable Instant voidedAt) {}

    private static Row row(ResultSet rs, int row) throws SQLException {
        var voided = rs.getObject("voided_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
                rs.getString("pos_transaction_id"), rs.getString("request_hash"), rs.getObject("order_id", UUID.class),
                rs.getObject("customer_id", UUID.class), PaymentMethod.valueOf(rs.getString("payment_method")),
                rs.getObject("sold_at", OffsetDateTime.class).toInstant(), voided == null ? null : voided.toInstant());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

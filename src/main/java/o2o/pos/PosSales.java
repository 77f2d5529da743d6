package o2o.pos;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.identity.PosPrincipal;
import o2o.loyalty.MemberSummary;
import o2o.loyalty.Members;
import o2o.orders.OfflineSale;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.pos.persistence.PosSaleRows;
import o2o.pos.persistence.PosSaleRows.Claim;
import o2o.pos.persistence.PosSaleRows.SaleRow;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

    private final PosSaleRows rows;
    private final Orders orders;
    private final Members members;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PosSales(PosSaleRows rows, Orders orders, Members members, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.rows = rows;
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
        var valid = ValidSale.of(sale, clock.instant());
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
        return transactions.execute(status -> saleRecord(stored(pos, posTransactionId)));
    }

    /**
     * Voids a whole sale: whatever of it was not refunded yet goes back (offline), and the points with it. Voiding
     * again answers the same with {@code duplicate}.
     */
    public SaleRecord voidSale(PosPrincipal pos, String posTransactionId) {
        return transactions.execute(status -> {
            var row = stored(pos, posTransactionId);
            if (!rows.voidSale(row.id(), clock.instant())) return saleRecord(row).asDuplicate();
            var order = orders.find(row.orderId()).orElseThrow();
            var rest = order.total().minus(order.refunded());
            if (!rest.isZero()) orders.refund(order.id().value(), rest, "pos:" + row.id() + ":void");
            return saleRecord(stored(pos, posTransactionId));
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
            var row = stored(pos, posTransactionId);
            var order = orders.find(row.orderId()).orElseThrow();
            if (!rows.addRefund(row.id(), refundId, pos.merchantId(), amountMinor, clock.instant())) {
                if (rows.refundedAmount(row.id(), refundId) != amountMinor) {
                    throw Problem.conflict("pos-refund-conflict", "refund " + refundId + " was already made for another amount");
                }
                return saleRecord(row, order).asDuplicate();
            }
            if (row.voidedAt() != null) throw Problem.conflict("pos-sale-voided", "this sale was voided");
            orders.refund(order.id().value(), new Money(amountMinor, order.total().currency()),
                    "pos:" + row.id() + ":refund:" + refundId);
            return saleRecord(row);
        });
    }

    /** The merchant's latest POS sales, newest first, for the console. */
    public List<SaleRecord> recent(UUID merchantId, int limit) {
        return transactions.execute(status -> rows.recent(merchantId, limit).stream().map(this::saleRecord).toList());
    }

    private SaleRecord recordValid(PosPrincipal pos, ValidSale sale, @Nullable UUID customer) {
        var orderId = Ids.next();
        var claim = new Claim(pos.merchantId(), pos.storeId(), pos.keyId(), sale.posTransactionId(), sale.hash(),
                orderId, customer, sale.total(), sale.paymentMethod(), sale.soldAt());
        var claimed = rows.claim(claim, clock.instant());
        if (claimed.isEmpty()) {
            var earlier = rows.find(pos.storeId(), sale.posTransactionId()).orElseThrow();
            if (!earlier.hash().equals(sale.hash())) {
                throw new Problem(HttpStatus.CONFLICT, "pos-sale-conflict",
                        "transaction " + sale.posTransactionId() + " was already recorded with different contents");
            }
            return saleRecord(earlier).asDuplicate();
        }
        var order = orders.recordOfflineSale(new OfflineSale(new OrderId(orderId), new MerchantId(pos.merchantId()),
                customer == null ? null : new CustomerId(customer), sale.lines(),
                sale.total(), sale.soldAt(), new StoreId(pos.storeId())));
        return saleRecord(claimed.get(), order);
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

    private SaleRow stored(PosPrincipal pos, String posTransactionId) {
        return rows.find(pos.storeId(), posTransactionId).orElseThrow(() -> Problem.notFound("pos-sale"));
    }

    private SaleRecord saleRecord(SaleRow row) {
        return saleRecord(row, orders.find(row.orderId()).orElseThrow());
    }

    private static SaleRecord saleRecord(SaleRow row, Order order) {
        return new SaleRecord(row.posTransactionId(), row.storeId(), order.id().value(), order.status(), order.total(),
                order.refunded(), row.paymentMethod(), row.customerId() != null, row.soldAt(), row.voidedAt(), false);
    }
}

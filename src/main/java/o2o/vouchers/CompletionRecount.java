package o2o.vouchers;

import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import o2o.orders.Orders;
import o2o.shared.AfterTransaction;
import o2o.shared.PerNode;
import o2o.vouchers.persistence.VoucherRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Orders whose vouchers are counted again a moment after a use has committed. A transaction that uses a voucher
 * counts the order's vouchers in its own snapshot, where another of them in use by a transaction not yet committed
 * still looks open, and that transaction counts this one as open too: so an order found with vouchers open is noted
 * once the use has committed, and this node counts all the orders it noted in one statement, every few hundred
 * milliseconds; of two vouchers used at once, the later to commit notes the order after the earlier has committed,
 * and the count that follows sees both. The common case needs none of it: the order's last use, alone, finds nothing
 * open and completes the order in its own transaction.
 */
@Component
class CompletionRecount {

    private static final Logger log = LoggerFactory.getLogger(CompletionRecount.class);

    private final VoucherRows rows;
    private final Orders orders;
    private final Set<UUID> noted = ConcurrentHashMap.newKeySet();

    CompletionRecount(VoucherRows rows, Orders orders) {
        this.rows = rows;
        this.orders = orders;
    }

    /** Notes the order once the surrounding transaction has committed (never if it rolls back). */
    void afterCommit(UUID orderId) {
        AfterTransaction.committed(() -> noted.add(orderId));
    }

    /**
     * Counts the noted orders (an order noted while this runs waits for the next turn) and completes those with
     * nothing left to use; should the count fail, they are noted again.
     */
    @Scheduled(fixedDelayString = "${o2o.vouchers.recount-interval:250ms}")
    @PerNode("the orders this node noted in its memory, after its own transactions committed")
    @PreDestroy
    void recount() {
        if (noted.isEmpty()) return;
        var batch = new ArrayList<UUID>();
        for (var it = noted.iterator(); it.hasNext(); ) {
            batch.add(it.next());
            it.remove();
        }
        try {
            for (var orderId : rows.usedUp(batch)) complete(orderId);
        } catch (RuntimeException e) {
            noted.addAll(batch);
            log.warn("The vouchers of {} orders could not be counted again; they are noted for the next turn",
                    batch.size(), e);
        }
    }

    private void complete(UUID orderId) {
        try {
            orders.complete(orderId);
        } catch (RuntimeException e) {
            log.warn("Order {}: its vouchers are used up, but it could not be completed", orderId, e);
        }
    }
}

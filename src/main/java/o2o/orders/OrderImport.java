package o2o.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.orders.persistence.OrderRows;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.shared.OrderId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for bulk history: completed orders in batched inserts (a million in about a minute). */
@Service
public class OrderImport {

    private static final int BATCH = 10_000;

    private final OrderRows rows;

    OrderImport(OrderRows rows) {
        this.rows = rows;
    }

    /** Returns the new orders' ids, in the order given. */
    @Transactional
    public List<UUID> importCompleted(List<ImportedOrder> orders) {
        var completed = new ArrayList<Order>(orders.size());
        for (var imported : orders) completed.add(completed(imported));
        for (int from = 0; from < completed.size(); from += BATCH) {
            rows.insertAll(completed.subList(from, Math.min(from + BATCH, completed.size())));
        }
        if (orders.size() >= 1000) rows.analyze();
        return completed.stream().map(order -> order.id().value()).toList();
    }

    @Transactional(readOnly = true)
    public long completedCount(UUID merchantId) {
        return rows.completedCount(merchantId);
    }

    private static Order completed(ImportedOrder imported) {
        var line = imported.line();
        var zero = Money.zero(line.amount().currency());
        return new Order(new OrderId(Ids.next()), imported.merchantId(), imported.customerId(), imported.channel(),
                OrderStatus.COMPLETED, List.of(line.numbered(1)), line.amount(), zero, line.amount(), zero, null,
                imported.paidAt(), imported.paidAt(), imported.paidAt(), 0, zero, null, null);
    }
}

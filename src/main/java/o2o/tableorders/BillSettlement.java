package o2o.tableorders;

import java.time.Clock;
import java.util.UUID;

import o2o.dining.Tables;
import o2o.orders.Orders;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.BillShareRepository;
import org.springframework.stereotype.Component;

/**
 * Shares getting paid, and the bill settling when the last one is: exactly once, by one conditional update; then the
 * orders are completed and the table is freed.
 */
@Component
class BillSettlement {

    private final BillRepository bills;
    private final BillShareRepository shares;
    private final Orders orders;
    private final Tables tables;
    private final Clock clock;

    BillSettlement(BillRepository bills, BillShareRepository shares, Orders orders, Tables tables, Clock clock) {
        this.bills = bills;
        this.shares = shares;
        this.orders = orders;
        this.tables = tables;
        this.clock = clock;
    }

    void settleIfPaid(TableBill bill) {
        if (!bill.open() || bill.split() == null) return;
        if (!bills.settleIfPaid(bill.settle(clock.instant()))) return;
        for (var orderId : shares.paidOrders(bill)) orders.complete(orderId);
        tables.close(bill.sessionId());
    }

    /** A share's order was paid (online, or at the counter by staff): the share is paid, the bill settles if done. */
    void orderPaid(UUID orderId) {
        var billId = shares.billOf(orderId);
        if (billId.isEmpty()) return;
        var bill = bills.lock(billId.get());
        shares.paidBy(orderId, clock.instant());
        settleIfPaid(bill);
    }

    /** A share's order was cancelled unpaid (it timed out): the share is free for somebody to pay again. */
    void orderCancelled(UUID orderId) {
        var billId = shares.billOf(orderId);
        if (billId.isEmpty()) return;
        bills.lock(billId.get());
        shares.freeOf(orderId);
    }
}

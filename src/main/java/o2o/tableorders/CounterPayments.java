package o2o.tableorders;

import java.time.Clock;
import java.util.UUID;

import o2o.orders.Orders;
import o2o.shared.Problem;
import o2o.tableorders.Bill.Split;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.BillShareRepository;
import org.springframework.stereotype.Component;

/**
 * Staff taking a share's money at the counter, in cash or by card, or by a gateway's QR the payer scans there: the
 * payer's order is paid, or a walk-in order is placed for the share first.
 */
@Component
class CounterPayments {

    private final BillRepository bills;
    private final BillShareRepository shares;
    private final BillViews views;
    private final BillSplitting splitting;
    private final ShareOrders shareOrders;
    private final BillSettlement settlement;
    private final Orders orders;
    private final Clock clock;

    CounterPayments(BillRepository bills, BillShareRepository shares, BillViews views, BillSplitting splitting,
            ShareOrders shareOrders, BillSettlement settlement, Orders orders, Clock clock) {
        this.bills = bills;
        this.shares = shares;
        this.views = views;
        this.splitting = splitting;
        this.shareOrders = shareOrders;
        this.settlement = settlement;
        this.orders = orders;
        this.clock = clock;
    }

    /** One share's money; the bill settles when it was the last. Settling a paid share again changes nothing. */
    void settleShare(TableBill bill, UUID shareId, CounterMethod method) {
        var share = views.share(bill, shareId);
        if (!bill.open()) return;
        take(bill, share, method);
        settlement.settleIfPaid(bill);
    }

    /** The gateway's QR page for one share; the share is paid when the gateway confirms. */
    String qr(TableBill bill, UUID shareId, String provider, String returnUrl) {
        if (!bill.open()) throw Problem.conflict("bill-not-open", "this bill is not open");
        var share = shareOrders.freeIfCancelled(bill, views.share(bill, shareId)).requirePayableAtCounter();
        var orderId = shareOrders.orderOf(bill, share);
        return orders.payByQrAtCounter(orderId, provider, returnUrl).redirectUrl();
    }

    /** Everything still unpaid of an open bill (split whole first when it was never split). */
    void settleAll(TableBill open, CounterMethod method) {
        var bill = open;
        if (bill.split() == null) {
            splitting.split(bill, Split.WHOLE, 1, "settled at the counter");
            bill = bills.lock(bill.id());
        }
        if (bill.split() == Split.ITEMS) splitting.gatherRest(bill);
        for (var share : shares.of(bill)) {
            if (share.state() != BillShare.State.PAID && !share.amount().isZero()) take(bill, share, method);
        }
        settlement.settleIfPaid(bill);
    }

    private void take(TableBill bill, BillShare unsettled, CounterMethod method) {
        var share = shareOrders.freeIfCancelled(bill, unsettled);
        if (share.state() == BillShare.State.PAID) return;
        orders.payAtCounter(shareOrders.orderOf(bill, share), method.name());
        shares.paid(share, clock.instant());
    }
}

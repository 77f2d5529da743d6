package o2o.tableorders;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.shared.Problem;
import o2o.tableorders.Bill.Split;
import o2o.tableorders.BillShare.Kind;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.BillShareRepository;
import org.springframework.stereotype.Component;

/**
 * Splitting an open bill: whole, evenly or by items. A new split throws the old shares away, so it is refused once a
 * share is paid; orders started for the old shares are cancelled.
 */
@Component
class BillSplitting {

    private final BillRepository bills;
    private final BillShareRepository shares;
    private final Orders orders;
    private final Clock clock;

    BillSplitting(BillRepository bills, BillShareRepository shares, Orders orders, Clock clock) {
        this.bills = bills;
        this.shares = shares;
        this.orders = orders;
        this.clock = clock;
    }

    void split(TableBill bill, Split split, int parts, String reason) {
        var amounts = bill.shareAmounts(split, parts);
        cancelStartedOrders(bill, reason);
        bills.clearClaims(bill);
        shares.removeAll(bill);
        bills.splitAs(bill, split, TableBill.partsOf(split, parts));
        if (split == Split.ITEMS) return;
        shares.addFixed(bill, split == Split.WHOLE ? Kind.WHOLE : Kind.EVEN, amounts, clock.instant());
    }

    /** Cancels the orders of shares being paid; 409 {@code bill-partly-paid} when a share is (or just got) paid. */
    void cancelStartedOrders(TableBill bill, String reason) {
        for (var share : shares.of(bill)) {
            if (share.state() == BillShare.State.PAID) throw partlyPaid();
            if (share.orderId() != null && !orders.cancelUnpaid(share.orderId(), reason)) {
                var order = orders.find(share.orderId()).orElseThrow();
                if (order.status() != OrderStatus.CANCELLED) throw partlyPaid();
            }
        }
    }

    /** In an ITEMS split, the items nobody claimed go into one REST share: its id, or empty when none were left. */
    Optional<UUID> gatherRest(TableBill bill) {
        var rest = shares.addRest(bill, clock.instant());
        return bills.gatherUnclaimed(bill, rest) == 0 ? Optional.empty() : Optional.of(rest);
    }

    private static Problem partlyPaid() {
        return Problem.conflict("bill-partly-paid", "part of this bill is paid");
    }
}

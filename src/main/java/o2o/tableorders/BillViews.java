package o2o.tableorders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.dining.TableSession;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.BillShareRepository;
import org.springframework.stereotype.Component;

/** A bill as diners and staff see it: before it is asked for, the rounds as they stand; after, the frozen bill. */
@Component
class BillViews {

    private final BillRepository bills;
    private final BillShareRepository shares;

    BillViews(BillRepository bills, BillShareRepository shares) {
        this.bills = bills;
        this.shares = shares;
    }

    Bill of(TableSession session) {
        var live = bills.live(session.id());
        if (live.isPresent()) return of(live.get());
        var items = bills.unbilled(session);
        var subtotal = Money.zero(items.isEmpty() ? Money.CNY : items.getFirst().amount().currency());
        for (var item : items) subtotal = subtotal.plus(item.amount());
        return new Bill(null, session.merchantId(), session.storeId(), session.id(), session.tableId(),
                Bill.Status.NOT_ASKED, null, subtotal, byRound(items), List.of(), subtotal, null, null);
    }

    Bill of(UUID billId) {
        return of(bills.get(billId));
    }

    Bill of(TableBill bill) {
        var items = bills.items(bill);
        return new Bill(bill.id(), bill.merchantId(), bill.storeId(), bill.sessionId(), bill.tableId(), bill.shown(),
                bill.split(), bill.subtotal(), byRound(items), shares.of(bill), bill.unclaimed(items),
                bill.openedAt(), bill.settledAt());
    }

    /** One share of the bill; 404 for a share of another bill. */
    BillShare share(TableBill bill, UUID shareId) {
        return shares.of(bill).stream().filter(s -> s.id().equals(shareId)).findFirst()
                .orElseThrow(() -> Problem.notFound("share"));
    }

    private static List<Bill.Round> byRound(List<Bill.Item> items) {
        var rounds = new LinkedHashMap<Integer, List<Bill.Item>>();
        for (var item : items) rounds.computeIfAbsent(item.round(), k -> new ArrayList<>()).add(item);
        return rounds.entrySet().stream().map(e -> new Bill.Round(e.getKey(), e.getValue())).toList();
    }
}

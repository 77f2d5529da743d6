package o2o.tableorders;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.BillShareRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Diners claiming round items into their own share of a bill split by items. An item is claimed in one conditional
 * statement, so of diners claiming it at once one gets it; a share being paid takes no more and gives nothing back.
 */
@Component
class ItemClaims {

    private final BillRepository bills;
    private final BillShareRepository shares;
    private final Clock clock;

    ItemClaims(BillRepository bills, BillShareRepository shares, Clock clock) {
        this.bills = bills;
        this.shares = shares;
        this.clock = clock;
    }

    /** All of the items or none: 409 {@code bill-item-taken} when another share holds one. */
    void claim(TableBill bill, UUID customerId, List<UUID> items) {
        bill.requireSplitByItems();
        var share = shares.itemShareOf(bill, customerId, clock.instant());
        if (share.orderId() != null) {
            throw BillShare.taken("your share is being paid; claim more after it is paid, or ask staff");
        }
        var count = bills.count(bill, items, share.id());
        if (count.known() != items.size()) throw Problem.notFound("item");
        int claimed = bills.claim(bill, items, share.id());
        if (count.mine() + claimed != items.size()) {
            throw new Problem(HttpStatus.CONFLICT, "bill-item-taken", "another share already holds one of these items");
        }
    }

    void unclaim(TableBill bill, UUID customerId, List<UUID> items) {
        var share = shares.findItemShare(bill, customerId).orElseThrow(() -> Problem.notFound("share"));
        if (share.orderId() != null) throw BillShare.taken("your share is being paid");
        bills.unclaim(bill, items, share.id());
        shares.dropIfEmpty(share.id());
    }

    /** The items a diner named, each once: 1 to 200 of them. */
    static List<UUID> distinct(List<UUID> itemIds) {
        var items = itemIds.stream().distinct().toList();
        if (items.isEmpty() || items.size() > 200) throw new InvalidInput("itemIds", "1 to 200 items");
        return items;
    }
}

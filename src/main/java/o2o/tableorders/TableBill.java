package o2o.tableorders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.tableorders.Bill.Split;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A table's bill as it is kept: asked for (OPEN) it freezes what the table ordered; it is then either settled once
 * every share is paid, or reopened by staff while nothing of it is paid. A settled or reopened bill does not move again.
 *
 * @param parts how many shares an even split made (1 otherwise)
 */
public record TableBill(UUID id, UUID merchantId, UUID storeId, UUID sessionId, UUID tableId, Status status,
        @Nullable Split split, int parts, Money subtotal, Instant openedAt, @Nullable Instant settledAt) {

    public enum Status { OPEN, SETTLED, REOPENED }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** This bill while it is open; 409 {@code bill-not-open} once settled. */
    public TableBill requireOpen() {
        if (!open()) throw Problem.conflict("bill-not-open", "this bill is settled");
        return this;
    }

    public void requireSplitByItems() {
        if (split != Split.ITEMS) {
            throw new Problem(HttpStatus.CONFLICT, "bill-not-split-by-items", "the bill is not split by items");
        }
    }

    /** Staff take the bill back: only an open one, and the caller has made sure nothing of it is paid. */
    public TableBill reopen() {
        requireOpen();
        return new TableBill(id, merchantId, storeId, sessionId, tableId, Status.REOPENED, split, parts, subtotal,
                openedAt, settledAt);
    }

    /** Every share is paid: the bill is settled, once. */
    public TableBill settle(Instant at) {
        requireOpen();
        if (split == null) throw new IllegalStateException("a bill is settled by its shares, and it has none");
        return new TableBill(id, merchantId, storeId, sessionId, tableId, Status.SETTLED, split, parts, subtotal,
                openedAt, at);
    }

    /**
     * The amounts of the shares a split makes, in order: one for WHOLE, {@code parts} for EVEN, none for ITEMS (the
     * diners claim theirs). Refuses a split of a bill that is not open, or into more parts than it has minor units.
     */
    public List<Money> shareAmounts(Split by, int parts) {
        requireOpen();
        int n = partsOf(by, parts);
        if (n < 1 || n > 99) throw new InvalidInput("parts", "1 to 99");
        if (n > subtotal.minor()) throw new InvalidInput("parts", "at most " + subtotal.minor());
        return by == Split.ITEMS ? List.of() : EvenSplit.shares(subtotal, n);
    }

    /** The parts a split is kept with: as asked for an even split, 1 for the others. */
    public static int partsOf(Split by, int parts) {
        return switch (by) {
            case WHOLE, ITEMS -> 1;
            case EVEN -> parts;
        };
    }

    /** What no share covers yet: all of it before a split, the unclaimed items in an ITEMS split, else nothing. */
    public Money unclaimed(List<Bill.Item> items) {
        if (split == null) return subtotal;
        var unclaimed = Money.zero(subtotal.currency());
        if (split != Split.ITEMS) return unclaimed;
        for (var item : items) if (item.shareId() == null) unclaimed = unclaimed.plus(item.amount());
        return unclaimed;
    }

    /** The status the diners and staff are shown. */
    public Bill.Status shown() {
        return status == Status.SETTLED ? Bill.Status.SETTLED : Bill.Status.OPEN;
    }
}

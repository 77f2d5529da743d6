package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A share of a bill, paid by one payer through one order.
 *
 * @param kind WHOLE, EVEN (the {@code position}-th of {@code parts}), ITEMS (a diner's claimed items), REST (the items
 *             nobody claimed)
 * @param claimedBy the diner whose item share it is
 * @param orderId the order placed to pay it; null until a payer starts (and again when that order was cancelled unpaid)
 */
public record BillShare(UUID id, Kind kind, int position, int parts, Money amount, @Nullable UUID claimedBy,
        @Nullable UUID orderId, @Nullable UUID payerId, State state, List<UUID> itemIds) {

    public enum Kind { WHOLE, EVEN, ITEMS, REST }

    /** OPEN: nobody is paying it; PAYING: its order waits for the money; PAID. */
    public enum State { OPEN, PAYING, PAID }

    public BillShare {
        itemIds = List.copyOf(itemIds);
    }
}

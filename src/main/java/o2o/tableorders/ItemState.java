package o2o.tableorders;

import java.util.EnumSet;
import java.util.Set;

/** Where a dish of a round is: sent to the kitchen, being cooked, on the table, or taken off (not charged). */
public enum ItemState {
    NEW, COOKING, SERVED, VOIDED;

    /** The state a move to this one must start from; a click on a ticket that is no longer there changes nothing. */
    boolean follows(ItemState previous) {
        return switch (this) {
            case NEW -> false;
            case COOKING -> previous == NEW;
            case SERVED -> previous == COOKING;
            case VOIDED -> previous == NEW || previous == COOKING;
        };
    }

    /** Every state a dish may move to this one from (none for NEW: a dish starts there). */
    Set<ItemState> from() {
        var from = EnumSet.noneOf(ItemState.class);
        for (var state : values()) if (follows(state)) from.add(state);
        return from;
    }
}

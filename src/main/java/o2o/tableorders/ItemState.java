package o2o.tableorders;

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
}

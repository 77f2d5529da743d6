package o2o.tableorders;

import java.util.List;

/** Where a table is on the waiter's board. */
public enum TableState {
    FREE, SEATED, ORDERING, IN_KITCHEN, SERVED;

    /** A seated table: in the kitchen while a dish is to cook or serve, else ordering while its cart has lines. */
    static TableState of(int cartLines, List<Round> rounds) {
        var items = rounds.stream().flatMap(r -> r.items().stream()).toList();
        if (items.stream().anyMatch(i -> i.state() == ItemState.NEW || i.state() == ItemState.COOKING)) {
            return IN_KITCHEN;
        }
        if (cartLines > 0) return ORDERING;
        if (items.stream().anyMatch(i -> i.state() == ItemState.SERVED)) return SERVED;
        return SEATED;
    }
}

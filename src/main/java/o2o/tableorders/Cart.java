package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;

/** The table's shared cart: everyone's lines, oldest first, and what the orderable ones come to. */
public record Cart(UUID sessionId, List<CartLine> lines, Money total) {

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}

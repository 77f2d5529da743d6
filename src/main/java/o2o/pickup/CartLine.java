package o2o.pickup;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;

/** A dish the customer wants, with the options they chose; priced by the server when the order is placed. */
public record CartLine(UUID itemId, List<UUID> optionIds, int quantity) implements Serializable {

    public CartLine {
        optionIds = List.copyOf(optionIds);
        if (quantity < 1 || quantity > 99) throw new InvalidInput("quantity", "between 1 and 99");
    }
}

package o2o.mallguide;

import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A dish of one tenant in a cart across a mall's tenants, with the options chosen; {@code shownAmount} is what the
 * page showed for the line, if it says: the server prices it again and refuses the cart when it changed.
 */
public record MallCartLine(StoreId storeId, UUID itemId, List<UUID> optionIds, int quantity,
        @Nullable Money shownAmount) {

    public MallCartLine {
        optionIds = List.copyOf(optionIds);
        if (quantity < 1 || quantity > 99) throw new InvalidInput("quantity", "between 1 and 99");
    }
}

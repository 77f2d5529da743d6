package o2o.catalog;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** An item as one store serves it: its own price (if overridden), whether it is on this store's menu, sold out. */
public record StoreItem(MenuItem item, @Nullable Money priceOverride, boolean available, boolean soldOut) {

    public Money effectivePrice() {
        return priceOverride == null ? item.price() : priceOverride;
    }
}

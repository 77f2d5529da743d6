package o2o.catalog;

import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** An item as one store serves it: its own price (if overridden), whether it is on this store's menu, sold out. */
public record StoreItem(MenuItem item, @Nullable Money priceOverride, boolean available, boolean soldOut) {

    public Money effectivePrice() {
        return priceOverride == null ? item.price() : priceOverride;
    }

    /** Customers can see it: the item is active and on this store's menu (sold out or not). */
    public boolean served() {
        return item.active() && available;
    }

    /**
     * A line of it at this store's price: 409 {@code menu-item-unavailable} when the store does not serve it,
     * {@code menu-item-sold-out} when it is sold out, 400 for options that break their group's rules.
     */
    public PricedLine price(List<UUID> optionIds, int quantity) {
        if (!served()) {
            throw new Problem(HttpStatus.CONFLICT, "menu-item-unavailable", item.name() + " is not served here",
                    item.name());
        }
        if (soldOut) {
            throw new Problem(HttpStatus.CONFLICT, "menu-item-sold-out", item.name() + " is sold out", item.name());
        }
        return item.priceAt(effectivePrice(), optionIds, quantity);
    }
}

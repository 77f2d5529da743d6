package o2o.tableorders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.catalog.MenuItem;
import o2o.catalog.PricedLine;
import o2o.shared.InvalidInput;
import o2o.tableorders.persistence.CartLineRow;

/**
 * The store's menu as customers see it now, by item: one read prices the whole cart. A line is priced by the menu's
 * own rules without failing: a dish that cannot be ordered now is shown with the reason, and a round with it in is
 * refused by {@link Menu#price} when it is sent.
 */
final class MenuOffers {

    private final Map<UUID, DishOffer> offers;

    private MenuOffers(Map<UUID, DishOffer> offers) {
        this.offers = offers;
    }

    static MenuOffers of(Menu.StoreMenu menu) {
        var offers = new HashMap<UUID, DishOffer>();
        for (var section : menu.categories()) {
            for (var dish : section.items()) {
                offers.put(dish.id(), new DishOffer(new MenuItem(dish.id(), menu.merchantId(), section.id(), dish.name(),
                        dish.description(), dish.photoUrl(), dish.price(), true, dish.optionGroups()), dish.soldOut()));
            }
        }
        return new MenuOffers(offers);
    }

    /**
     * The line as it stands after adding a dish just priced: the row may hold more of it than was added (the
     * diner's earlier line of the same dish and options), at the same unit price.
     */
    static CartLine priced(CartLineRow row, PricedLine priced) {
        return new CartLine(row.id(), row.itemId(), priced.name(), row.optionIds(), priced.options(), row.note(),
                row.quantity(), priced.unitPrice(), priced.unitPrice().times(row.quantity()), row.addedBy(),
                row.customerId(), row.addedAt(), null);
    }

    CartLine price(CartLineRow row) {
        var offer = offers.get(row.itemId());
        String refusal = offer == null ? "menu-item-unavailable" : offer.soldOut() ? "menu-item-sold-out" : null;
        if (offer != null && refusal == null) {
            try {
                var priced = offer.item().priceAt(offer.item().price(), row.optionIds(), row.quantity());
                return new CartLine(row.id(), row.itemId(), priced.name(), row.optionIds(), priced.options(),
                        row.note(), row.quantity(), priced.unitPrice(), priced.amount(), row.addedBy(),
                        row.customerId(), row.addedAt(), null);
            } catch (InvalidInput changed) {
                refusal = changed.slug();
            }
        }
        return new CartLine(row.id(), row.itemId(), row.name(), row.optionIds(), List.of(), row.note(),
                row.quantity(), null, null, row.addedBy(), row.customerId(), row.addedAt(), refusal);
    }
}

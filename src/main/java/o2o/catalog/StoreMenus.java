package o2o.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.persistence.MenuItemRepository;
import o2o.catalog.persistence.StoreItemRepository;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The merchant's items as each store serves them: its own prices, what it serves, and the sold-out switch. A few
 * items by id (what pricing asks for) come from {@link RememberedItems}; the store's settings are read every time.
 */
@Component
class StoreMenus {

    private final MenuItemRepository items;
    private final RememberedItems remembered;
    private final StoreItemRepository storeItems;
    private final Stores stores;
    private final Clock clock;

    StoreMenus(MenuItemRepository items, RememberedItems remembered, StoreItemRepository storeItems, Stores stores,
            Clock clock) {
        this.items = items;
        this.remembered = remembered;
        this.storeItems = storeItems;
        this.stores = stores;
        this.clock = clock;
    }

    List<StoreItem> all(Store store) {
        return storeItems.at(store, items.of(store.merchantId(), null));
    }

    /** These items as the store serves them, by id; an item the merchant does not have is absent. */
    Map<UUID, StoreItem> some(Store store, Collection<UUID> itemIds) {
        var found = new HashMap<UUID, StoreItem>();
        for (var item : storeItems.at(store, remembered.ofIds(store.merchantId(), itemIds))) {
            found.put(item.item().id(), item);
        }
        return found;
    }

    StoreItem one(Store store, UUID itemId) {
        var item = some(store, List.of(itemId)).get(itemId);
        if (item == null) throw Problem.notFound("menu item");
        return item;
    }

    StoreItem setPrice(StaffPrincipal staff, UUID storeId, UUID itemId, @Nullable Money priceOverride,
            boolean available) {
        var store = stores.get(staff, storeId);
        MenuStaff.requirePricing(staff);
        items.share(store.merchantId(), itemId);
        // as stored, not as remembered: the price is held against the options an edit elsewhere may have just made
        var item = items.of(store.merchantId(), itemId).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("menu item"));
        if (priceOverride != null) item.requireStorePrice(priceOverride);
        storeItems.price(store, item.id(), priceOverride, available, clock.instant());
        return one(store, itemId);
    }

    StoreItem setSoldOut(StaffPrincipal staff, UUID storeId, UUID itemId, boolean soldOut) {
        var store = stores.get(staff, storeId);
        MenuStaff.requireService(staff);
        var item = one(store, itemId).item();
        storeItems.soldOut(store, item.id(), soldOut, clock.instant());
        return one(store, itemId);
    }
}

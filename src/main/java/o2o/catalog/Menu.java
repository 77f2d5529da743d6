package o2o.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Owners and managers write the merchant's menu; each store's staff set its prices and
 * availability and flip the sold-out switch. {@link #menuOf} and {@link #price} are for customers and for the
 * ordering modules: a line is priced here from the store's own settings, and refused when the item is sold out,
 * off this store's menu, or the options break their group's rules. An item's definition (its name, base price and
 * options) may be a few seconds old after an edit on another node ({@link RememberedItems}); the store's own price,
 * what it serves and the sold-out switch are read on every pricing.
 */
@Service
public class Menu {

    private final Stores stores;
    private final MenuCategories categories;
    private final MenuItems items;
    private final StoreMenus storeMenus;
    private final o2o.catalog.persistence.MenuSearchRows search;

    Menu(Stores stores, MenuCategories categories, MenuItems items, StoreMenus storeMenus,
            o2o.catalog.persistence.MenuSearchRows search) {
        this.search = search;
        this.stores = stores;
        this.categories = categories;
        this.items = items;
        this.storeMenus = storeMenus;
    }

    /** A store's menu as customers see it: active items on this store's menu, at its prices, sold-out flagged. */
    public record StoreMenu(UUID storeId, UUID merchantId, List<Section> categories) {}

    public record Section(UUID id, String name, List<Dish> items) {}

    public record Dish(UUID id, String name, String description, @Nullable String photoUrl, Money price,
            boolean soldOut, List<OptionGroup> optionGroups) {}

    @Transactional(readOnly = true)
    public StoreMenu menuOf(UUID storeId) {
        var store = stores.find(storeId).orElseThrow(() -> Problem.notFound("store"));
        var served = storeMenus.all(store).stream().filter(StoreItem::served).toList();
        var sections = new ArrayList<Section>();
        for (var category : categories.of(store.merchantId())) {
            var dishes = served.stream().filter(s -> s.item().categoryId().equals(category.id()))
                    .map(s -> new Dish(s.item().id(), s.item().name(), s.item().description(), s.item().photoUrl(),
                            s.effectivePrice(), s.soldOut(), s.item().optionGroups()))
                    .toList();
            if (!dishes.isEmpty()) sections.add(new Section(category.id(), category.name(), dishes));
        }
        return new StoreMenu(store.id(), store.merchantId(), List.copyOf(sections));
    }

    /**
     * Prices one order line at a store: the store's price of the item (its override, else the base price) plus the
     * chosen options' deltas, times the quantity.
     *
     * @throws Problem 404 for an unknown store or item, 409 {@code menu-item-unavailable} or
     *     {@code menu-item-sold-out}, 400 {@code invalid-input} for options that break their group's rules
     */
    @Transactional(readOnly = true)
    public PricedLine price(StoreId storeId, UUID itemId, List<UUID> optionIds, int quantity) {
        return price(storeId, List.of(new Wanted(itemId, optionIds, quantity))).getFirst();
    }

    /** One line to price: an item, its chosen options, how many. */
    public record Wanted(UUID itemId, List<UUID> optionIds, int quantity) {}

    /**
     * Prices many lines at one store as {@link #price(StoreId, UUID, List, int)} prices each, in their order, with
     * the items read once for all of them; the first line that cannot be priced fails the whole.
     */
    @Transactional(readOnly = true)
    public List<PricedLine> price(StoreId storeId, List<Wanted> lines) {
        if (lines.isEmpty()) return List.of();
        var store = stores.find(storeId.value()).orElseThrow(() -> Problem.notFound("store"));
        var served = storeMenus.some(store, lines.stream().map(Wanted::itemId).distinct().toList());
        return lines.stream().map(line -> {
            if (line.quantity() < 1 || line.quantity() > 999) {
                throw new InvalidInput("quantity", "between 1 and 999");
            }
            var item = served.get(line.itemId());
            if (item == null) throw Problem.notFound("menu item");
            return item.price(line.optionIds(), line.quantity());
        }).toList();
    }

    /**
     * The items served at any of these stores (each store with its merchant) whose name or description holds the
     * text, best matches first, at most {@code limit}; one read whatever the number of stores.
     */
    @Transactional(readOnly = true)
    public List<MenuHit> search(java.util.Map<StoreId, o2o.shared.MerchantId> stores, String text, int limit) {
        var typed = text.strip();
        if (typed.isEmpty() || typed.length() > 40) throw new InvalidInput("q", "1 to 40 characters");
        if (limit < 1 || limit > 200) throw new InvalidInput("limit", "between 1 and 200");
        return search.search(stores, typed, limit);
    }

    // --- the merchant's menu

    @Transactional(readOnly = true)
    public List<MenuCategory> categories(StaffPrincipal staff) {
        return categories.of(MenuStaff.merchantOf(staff));
    }

    @Transactional
    public MenuCategory addCategory(StaffPrincipal staff, String name, int sortOrder) {
        return categories.add(staff, name, sortOrder);
    }

    @Transactional
    public MenuCategory updateCategory(StaffPrincipal staff, UUID categoryId, String name, int sortOrder) {
        return categories.update(staff, categoryId, name, sortOrder);
    }

    @Transactional(readOnly = true)
    public List<MenuItem> items(StaffPrincipal staff) {
        return items.of(MenuStaff.merchantOf(staff));
    }

    @Transactional(readOnly = true)
    public MenuItem item(StaffPrincipal staff, UUID itemId) {
        return items.get(MenuStaff.merchantOf(staff), itemId);
    }

    @Transactional
    public MenuItem addItem(StaffPrincipal staff, ItemDetails details) {
        return items.add(staff, details);
    }

    /** Replaces the item's details and option groups; groups and options sent with their id keep it. */
    @Transactional
    public MenuItem updateItem(StaffPrincipal staff, UUID itemId, ItemDetails details, @Nullable Boolean active) {
        return items.update(staff, itemId, details, active);
    }

    /** Takes the item off every store's menu; it stays in the merchant's list and can be brought back. */
    @Transactional
    public MenuItem deactivate(StaffPrincipal staff, UUID itemId) {
        return items.deactivate(staff, itemId);
    }

    // --- one store's menu

    /** Every active item of the merchant as this store serves it, for the store's staff. */
    @Transactional(readOnly = true)
    public List<StoreItem> atStore(StaffPrincipal staff, UUID storeId) {
        return storeMenus.all(stores.get(staff, storeId)).stream().filter(s -> s.item().active()).toList();
    }

    @Transactional(readOnly = true)
    public StoreItem atStore(StaffPrincipal staff, StoreId storeId, UUID itemId) {
        return storeMenus.one(stores.get(staff, storeId.value()), itemId);
    }

    /** The store's own price of an item (null: the base price) and whether this store serves it. */
    @Transactional
    public StoreItem setAtStore(StaffPrincipal staff, StoreId storeId, UUID itemId, @Nullable Money priceOverride,
            boolean available) {
        return storeMenus.setPrice(staff, storeId.value(), itemId, priceOverride, available);
    }

    /** The switch staff flip during service; setting it to what it already is changes nothing. */
    @Transactional
    public StoreItem setSoldOut(StaffPrincipal staff, StoreId storeId, UUID itemId, boolean soldOut) {
        return storeMenus.setSoldOut(staff, storeId.value(), itemId, soldOut);
    }
}

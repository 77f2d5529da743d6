package o2o.catalog;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.catalog.persistence.MenuItemRepository;
import o2o.catalog.persistence.StoreItemRepository;
import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The merchant's dishes and drinks with their option groups. An item's options may never take it below zero, from
 * its base price or from any store's own price of it. Every change forgets the item from {@link RememberedItems}, so
 * this node prices it as changed from the next request on.
 */
@Component
class MenuItems {

    private final MenuItemRepository items;
    private final RememberedItems remembered;
    private final StoreItemRepository storeItems;
    private final MenuCategories categories;
    private final Clock clock;

    MenuItems(MenuItemRepository items, RememberedItems remembered, StoreItemRepository storeItems,
            MenuCategories categories, Clock clock) {
        this.items = items;
        this.remembered = remembered;
        this.storeItems = storeItems;
        this.categories = categories;
        this.clock = clock;
    }

    List<MenuItem> of(UUID merchant) {
        return items.of(merchant, null);
    }

    MenuItem get(UUID merchant, UUID itemId) {
        return items.of(merchant, itemId).stream().findFirst().orElseThrow(() -> Problem.notFound("menu item"));
    }

    MenuItem add(StaffPrincipal staff, ItemDetails details) {
        var merchant = MenuStaff.managedMerchant(staff);
        categories.requireExists(merchant, details.categoryId());
        if (!details.givenIds().isEmpty()) {
            throw new InvalidInput("optionGroups.id", "a new item's groups and options get new ids");
        }
        var id = Ids.next();
        try {
            items.add(merchant, id, details, clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken(details.name());
        }
        items.writeGroups(merchant, id, details);
        var item = items.of(merchant, id).getFirst();
        item.requireNotBelowZeroFrom(item.price(), "price");
        return item;
    }

    /** Replaces the item's details and option groups; groups and options sent with their id keep it. */
    MenuItem update(StaffPrincipal staff, UUID itemId, ItemDetails details, @Nullable Boolean active) {
        var merchant = MenuStaff.managedMerchant(staff);
        if (!items.lock(merchant, itemId)) throw Problem.notFound("menu item");
        categories.requireExists(merchant, details.categoryId());
        if (!items.optionIds(merchant, itemId).containsAll(details.givenIds())) {
            throw new InvalidInput("optionGroups.id", "not a group or option of this item");
        }
        try {
            items.update(merchant, itemId, details, active, clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken(details.name());
        }
        items.replaceGroups(merchant, itemId, details);
        remembered.forget(merchant, List.of(itemId));
        var item = items.of(merchant, itemId).getFirst();
        item.requireNotBelowZeroFrom(item.price(), "price");
        for (var override : storeItems.overridesOf(item)) item.requireNotBelowZeroFrom(override, "optionGroups");
        return item;
    }

    /** Takes the item off every store's menu; it stays in the merchant's list and can be brought back. */
    MenuItem deactivate(StaffPrincipal staff, UUID itemId) {
        var merchant = MenuStaff.managedMerchant(staff);
        if (!items.deactivate(merchant, itemId, clock.instant())) throw Problem.notFound("menu item");
        remembered.forget(merchant, List.of(itemId));
        return items.of(merchant, itemId).getFirst();
    }

    private static Problem nameTaken(String name) {
        return new Problem(HttpStatus.CONFLICT, "menu-item-name-taken", "an item is already named " + name, name);
    }
}

package o2o.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.catalog.persistence.MenuItemRepository;
import o2o.shared.AfterTransaction;
import org.springframework.stereotype.Component;

/**
 * The merchants' items with their option groups and options, as they were at most {@link #REMEMBER} ago: pricing a
 * dish added at a table read all three for every request, and a menu changes seldom. An edit shows on this node at
 * once (the change forgets the item) and on any other within that time. What a store decides about an item (its own
 * price, whether it serves it, the sold-out switch) is not remembered here: it is read on every pricing, so a dish
 * switched off during service is refused at once on every node.
 */
@Component
class RememberedItems {

    static final Duration REMEMBER = Duration.ofSeconds(5);

    /** An item is remembered under its merchant too, so that another merchant's store never finds it. */
    private record Key(UUID merchant, UUID item) {}

    private final MenuItemRepository items;
    private final Cache<Key, MenuItem> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(50_000)
            .build();

    RememberedItems(MenuItemRepository items) {
        this.items = items;
    }

    /** These of the merchant's items that exist, in no particular order; one read for those not remembered. */
    List<MenuItem> ofIds(UUID merchant, Collection<UUID> itemIds) {
        var keys = itemIds.stream().distinct().map(id -> new Key(merchant, id)).toList();
        var known = remembered.getAllPresent(keys);
        var found = new ArrayList<>(known.values());
        var missing = keys.stream().filter(key -> !known.containsKey(key)).map(Key::item).toList();
        if (missing.isEmpty()) return found;
        for (var item : items.ofIds(merchant, missing)) {
            remembered.put(new Key(merchant, item.id()), item);
            found.add(item);
        }
        return found;
    }

    /**
     * Forgets these items of the merchant now and again when the surrounding transaction ends, so that a request
     * racing the change cannot put the old item back. A new item needs none: nobody can have found its id before.
     */
    void forget(UUID merchant, Collection<UUID> itemIds) {
        var keys = itemIds.stream().map(id -> new Key(merchant, id)).toList();
        AfterTransaction.nowAndAtEnd(() -> remembered.invalidateAll(keys));
    }
}

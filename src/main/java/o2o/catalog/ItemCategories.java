package o2o.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.persistence.ItemCategoryRows;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for background readers (the member profiles' drain): the category each menu item sits in, for a
 * whole batch in one read, with no staff member behind the call. Items are named by id (a dish ordered at the table
 * or for pick-up) or by their merchant and name (a line a POS reported, which carries only the name).
 */
@Service
public class ItemCategories {

    /** A menu item as a POS line names it: the merchant's item of that name. */
    public record NamedItem(MerchantId merchant, String name) {}

    private final ItemCategoryRows rows;

    ItemCategories(ItemCategoryRows rows) {
        this.rows = rows;
    }

    /** The category name of each of these items that exists (deactivated ones included); one query. */
    @Transactional(readOnly = true)
    public Map<UUID, String> categoriesOf(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) return Map.of();
        return rows.byId(itemIds.stream().distinct().toList());
    }

    /** The category name of each of these named items the merchant has on its menu; one query. */
    @Transactional(readOnly = true)
    public Map<NamedItem, String> categoriesOfNamed(Collection<NamedItem> items) {
        if (items.isEmpty()) return Map.of();
        var distinct = items.stream().distinct().toList();
        var found = new HashMap<NamedItem, String>();
        rows.byName(distinct.stream().map(i -> i.merchant().value()).toList(),
                        distinct.stream().map(NamedItem::name).toList())
                .forEach(row -> found.put(new NamedItem(new MerchantId(row.merchant()), row.name()), row.category()));
        return found;
    }
}

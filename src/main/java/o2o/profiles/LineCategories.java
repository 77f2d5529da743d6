package o2o.profiles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.ItemCategories;
import o2o.catalog.ItemCategories.NamedItem;
import o2o.orders.LineKind;
import o2o.orders.Order;
import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The menu category of each line of a batch's orders, asked of the catalog for the whole batch at once (at most two
 * reads): a dish by its item's id, a POS line by its title, which is the merchant's item of that name when there is
 * one. Deals, shares, deposits and top-ups are in no category.
 */
@Component
class LineCategories {

    /** What the catalog answered for one batch. */
    record Known(Map<UUID, String> byItem, Map<NamedItem, String> byName) {

        static final Known NONE = new Known(Map.of(), Map.of());

        @Nullable String of(MerchantId merchant, LineKind kind, UUID refId, String title) {
            return switch (kind) {
                case DISH -> byItem.get(refId);
                case POS -> byName.get(new NamedItem(merchant, title));
                default -> null;
            };
        }

        @Nullable String ofNamed(MerchantId merchant, String title) {
            return byName.get(new NamedItem(merchant, title));
        }
    }

    private final ItemCategories catalog;

    LineCategories(ItemCategories catalog) {
        this.catalog = catalog;
    }

    Known of(Collection<Order> orders) {
        var items = new HashSet<UUID>();
        var named = new HashSet<NamedItem>();
        for (var order : orders) {
            for (var line : order.lines()) {
                if (line.kind() == LineKind.DISH) items.add(line.refId());
                else if (line.kind() == LineKind.POS) named.add(new NamedItem(order.merchantId(), line.title()));
            }
        }
        return new Known(catalog.categoriesOf(items), catalog.categoriesOfNamed(named));
    }

    /** For lines known only by their titles (imported history). */
    Known ofNamed(List<NamedItem> lines) {
        return new Known(Map.of(), catalog.categoriesOfNamed(new ArrayList<>(lines)));
    }
}

package o2o.catalog.persistence;

import org.jspecify.annotations.Nullable;

/** A store's own setting of an item: its price in minor units (null: the base price), served, sold out. */
record StoreSetting(@Nullable Long override, boolean available, boolean soldOut) {

    /** What a store that never set the item serves: the base price, on its menu, in stock. */
    static final StoreSetting DEFAULT = new StoreSetting(null, true, false);
}

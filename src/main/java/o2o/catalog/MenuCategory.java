package o2o.catalog;

import java.util.UUID;

/** A heading of the menu (热菜, 饮品); categories show in ascending sort order. */
public record MenuCategory(UUID id, UUID merchantId, String name, int sortOrder) {}

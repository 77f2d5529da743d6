package o2o.catalog.persistence;

import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A menu item as it is kept, before its option groups are read. */
record MenuItemRow(UUID id, UUID categoryId, String name, String description, @Nullable String photoUrl, Money price,
        boolean active) {}

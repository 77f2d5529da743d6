package o2o.catalog;

import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * An item found by {@link Menu#search}, as one store serves it: its price there, whether it is sold out, and whether
 * it has options a customer must choose before it can be ordered.
 */
public record MenuHit(StoreId storeId, UUID itemId, String name, String description, @Nullable String photoUrl,
        Money price, boolean soldOut, boolean needsOptions) {}

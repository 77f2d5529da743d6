package o2o.delivery;

import java.time.Instant;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.merchants.Store;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * One of a store's delivery zones: where it delivers, in which order it is tried (priority 1 first), the least it
 * takes (goods only, the fee apart), what it charges, and when (its own hours, or the store's when it has none).
 */
public record Zone(UUID id, MerchantId merchantId, StoreId storeId, String name, int priority, Area area,
        Money minimum, Fee fee, @Nullable OpeningHours hours, boolean active) {

    public Zone {
        if (name.isBlank() || name.length() > 40) throw new InvalidInput("name", "1 to 40 characters");
        if (priority < 1 || priority > 1000) throw new InvalidInput("priority", "between 1 and 1000");
        if (!minimum.currency().equals(fee.base().currency())) {
            throw new InvalidInput("minimum", "in the fee's currency");
        }
        minimum.asPrice("minimum");
    }

    public boolean covers(Store store, GeoPoint point) {
        return area.covers(store.location(), point);
    }

    /** Whether it takes orders at this instant: its own hours, or the store's. */
    public boolean openAt(Store store, Instant now) {
        return hours == null ? store.isOpenAt(now) : hours.isOpenAt(now.atZone(store.timeZone()));
    }
}

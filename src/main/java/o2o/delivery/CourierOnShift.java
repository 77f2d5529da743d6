package o2o.delivery;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.GeoPoint;
import org.jspecify.annotations.Nullable;

/** One of a merchant's couriers: on shift or not, where last seen, how many orders they carry now. */
public record CourierOnShift(UUID staffId, String name, boolean onShift, @Nullable GeoPoint at,
        @Nullable Instant seenAt, int carrying) {

    public boolean free() {
        return onShift && carrying == 0;
    }
}

package o2o.pickup;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When an order placed now can be collected at a store: as soon as possible (if the store is open now and when it would
 * be ready), or at one of today's quarter hours at least the preparation time ahead while the store is open.
 */
public record PickupTimes(boolean asapPossible, List<LocalTime> slots, int preparationMinutes, ZoneId zone) {

    public PickupTimes {
        slots = List.copyOf(slots);
    }
}

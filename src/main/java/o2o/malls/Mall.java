package o2o.malls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.MerchantId;
import o2o.shared.StoreId;

/**
 * A mall: run by its owner merchant, in the building its {@code building} store stands for (address, place, hours),
 * with its floors lowest first and the group points program its tenants collect in.
 */
public record Mall(MallId id, MerchantId owner, StoreId building, String name, UUID programId, List<Floor> floors,
        Instant createdAt) {

    public Mall {
        floors = List.copyOf(floors);
    }

    public Optional<Floor> floor(int level) {
        return floors.stream().filter(f -> f.level() == level).findFirst();
    }

    /** The floor a tenant is placed on must be one of the mall's. */
    Floor requireFloor(int level) {
        return floor(level).orElseThrow(() -> new o2o.shared.InvalidInput("floor", "not a floor of this mall"));
    }
}

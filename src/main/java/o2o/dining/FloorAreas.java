package o2o.dining;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.dining.persistence.AreaRepository;
import o2o.merchants.Store;
import o2o.shared.Ids;
import o2o.shared.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** The areas of a store's floor, named once each; only an empty area goes. */
@Component
class FloorAreas {

    private final AreaRepository areas;
    private final Clock clock;

    FloorAreas(AreaRepository areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    List<Area> of(Store store) {
        return areas.of(store);
    }

    Area add(Store store, String name, int position) {
        var area = Area.laidOut(Ids.next(), store.merchantId(), store.id(), name, position);
        try {
            areas.add(area, clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        return area;
    }

    Area rename(Store store, UUID areaId, String name, int position) {
        var area = Area.laidOut(areaId, store.merchantId(), store.id(), name, position);
        try {
            if (!areas.rename(area)) throw Problem.notFound("area");
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        return areas.of(store).stream().filter(a -> a.id().equals(areaId)).findFirst().orElseThrow();
    }

    void remove(Store store, UUID areaId) {
        if (areas.removeIfEmpty(store, areaId)) return;
        areas.get(store, areaId).orElseThrow(() -> Problem.notFound("area"));
        throw Problem.conflict("area-not-empty", "the area still has tables");
    }

    /** Whether the area is one of this store's. */
    boolean has(Store store, UUID areaId) {
        return areas.get(store, areaId).isPresent();
    }

    private static Problem nameTaken() {
        return Problem.conflict("area-exists", "the store already has an area of that name");
    }
}

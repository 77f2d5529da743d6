package o2o.dining;

import java.time.Clock;
import java.util.UUID;

import o2o.dining.persistence.TableRepository;
import o2o.merchants.Store;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The tables of a store's floor: labelled once each, in one of its areas; only a free table is retired. Every change
 * of a table forgets it from what {@link Tables#byCode} remembers.
 */
@Component
class FloorTables {

    private final TableRepository tables;
    private final Tables byCode;
    private final FloorAreas areas;
    private final Clock clock;

    FloorTables(TableRepository tables, Tables byCode, FloorAreas areas, Clock clock) {
        this.tables = tables;
        this.byCode = byCode;
        this.areas = areas;
        this.clock = clock;
    }

    DiningTable add(Store store, FloorPlan.TableDetails details) {
        var checked = checked(store, details);
        var id = Ids.next();
        try {
            tables.add(new DiningTable(id, store.merchantId(), store.id(), checked.areaId(), checked.label(),
                    checked.seats(), TableCode.next(), true), clock.instant());
        } catch (DuplicateKeyException e) {
            throw labelTaken();
        }
        return tables.get(id).orElseThrow();
    }

    DiningTable update(Store store, UUID tableId, FloorPlan.TableDetails details) {
        var checked = checked(store, details);
        try {
            if (!tables.update(store, tableId, checked)) throw Problem.notFound("table");
        } catch (DuplicateKeyException e) {
            throw labelTaken();
        }
        byCode.forget(tableId);
        return tables.get(tableId).orElseThrow();
    }

    /** False when the table is taken or not one of the store's live tables. */
    boolean retireIfFree(Store store, UUID tableId) {
        if (!tables.retireIfFree(store, tableId)) return false;
        byCode.forget(tableId);
        return true;
    }

    private FloorPlan.TableDetails checked(Store store, FloorPlan.TableDetails details) {
        var checked = details.checked();
        if (checked.areaId() != null && !areas.has(store, checked.areaId())) {
            throw new InvalidInput("areaId", "not an area of this store");
        }
        return checked;
    }

    private static Problem labelTaken() {
        return Problem.conflict("table-label-taken", "the store already has a table with that label");
    }
}

package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.dining.FloorPlan;
import o2o.identity.StaffPrincipal;
import o2o.tableorders.Kitchen.TableService;
import o2o.tableorders.persistence.CartRepository;
import o2o.tableorders.persistence.RoundRepository;
import org.springframework.stereotype.Component;

/** The waiter's board: every live table of the store, what it is at, and its open session's cart and rounds. */
@Component
class WaiterBoard {

    private final FloorPlan floor;
    private final CartRepository carts;
    private final RoundRepository rounds;

    WaiterBoard(FloorPlan floor, CartRepository carts, RoundRepository rounds) {
        this.floor = floor;
        this.carts = carts;
        this.rounds = rounds;
    }

    List<TableService> of(StaffPrincipal staff, UUID storeId) {
        var tables = floor.status(staff, storeId);
        var store = floor.floorStore(staff, storeId);
        var sessions = tables.stream().map(FloorPlan.TableStatus::sessionId).filter(s -> s != null)
                .toArray(UUID[]::new);
        var cartLines = carts.sizes(store.merchantId(), sessions);
        return tables.stream().map(t -> {
            if (t.sessionId() == null) {
                return new TableService(t.tableId(), t.label(), t.area(), TableState.FREE, null, null, 0, List.of());
            }
            var sent = rounds.of(t.sessionId());
            int lines = cartLines.getOrDefault(t.sessionId(), 0);
            return new TableService(t.tableId(), t.label(), t.area(), TableState.of(lines, sent), t.sessionId(),
                    t.since(), lines, sent);
        }).toList();
    }
}

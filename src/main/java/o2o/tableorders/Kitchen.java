package o2o.tableorders;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.Tables;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.tableorders.persistence.RoundRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the store's staff see of the tables' orders: the kitchen display (tickets by round, each dish moved NEW →
 * COOKING → SERVED by one conditional update, or VOIDED before it is served) and the waiter's board of tables. Another
 * merchant's store or dish is "not found".
 */
@Service
public class Kitchen {

    /** Who works the kitchen display: cooks, the waiters who carry the dishes out, managers and owners. */
    static final Set<Role> KITCHEN = EnumSet.of(Role.OWNER, Role.MANAGER, Role.WAITER, Role.KITCHEN);

    private final RoundRepository rounds;
    private final WaiterBoard board;
    private final Stores stores;
    private final Tables tables;
    private final FloorPlan floor;
    private final TableOrders orders;
    private final Clock clock;

    Kitchen(RoundRepository rounds, WaiterBoard board, Stores stores, Tables tables, FloorPlan floor,
            TableOrders orders, Clock clock) {
        this.rounds = rounds;
        this.board = board;
        this.stores = stores;
        this.tables = tables;
        this.floor = floor;
        this.orders = orders;
        this.clock = clock;
    }

    /** A round on the kitchen display: which table, when it came in, and all of its dishes with their states. */
    public record Ticket(UUID roundId, UUID tableId, String tableLabel, int number, Instant submittedAt,
            List<RoundItem> items) {}

    /** A table on the waiter's board with its open session's cart size and rounds. */
    public record TableService(UUID tableId, String label, @Nullable String area, TableState state,
            @Nullable UUID sessionId, @Nullable Instant since, int cartLines, List<Round> rounds) {}

    /** The rounds that still have a dish to cook or serve, oldest first; a round all served (or voided) leaves. */
    @Transactional(readOnly = true)
    public List<Ticket> tickets(StaffPrincipal staff, UUID storeId) {
        var store = kitchenStore(staff, storeId);
        var labels = new HashMap<UUID, String>();
        return rounds.inKitchen(store).stream().map(sent -> {
            var round = sent.round();
            var label = labels.computeIfAbsent(sent.tableId(),
                    id -> tables.table(id).map(DiningTable::label).orElse(""));
            return new Ticket(round.id(), sent.tableId(), label, round.number(), round.submittedAt(), round.items());
        }).toList();
    }

    /**
     * Moves a dish to its next state: COOKING from NEW, SERVED from COOKING, VOIDED from either. One conditional
     * update; a click that comes after a colleague's (the dish is no longer where the button saw it) is a 409
     * {@code round-item-moved} and changes nothing. A void once the bill is asked for is a 409 {@code bill-in-progress}.
     */
    @Transactional
    public RoundItem move(StaffPrincipal staff, StoreId storeId, UUID itemId, @Nullable ItemState to) {
        var store = kitchenStore(staff, storeId.value());
        if (to == null || to == ItemState.NEW) throw new InvalidInput("state", "COOKING, SERVED or VOIDED");
        // a void changes what the bill charges: not once the bill is asked for
        if (to == ItemState.VOIDED) rounds.sessionOf(store, itemId).ifPresent(orders::holdUnbilled);
        var moved = rounds.move(store, itemId, to.from(), to, clock.instant());
        if (moved.isPresent()) return moved.get();
        var item = rounds.item(store, itemId).orElseThrow(() -> Problem.notFound("dish"));
        throw new Problem(HttpStatus.CONFLICT, "round-item-moved", item.name() + " is " + item.state() + " already",
                Map.of("state", item.state().name()), item.name());
    }

    /** The waiter's board: every live table of the store, what it is at, and its open session's rounds. */
    @Transactional(readOnly = true)
    public List<TableService> service(StaffPrincipal staff, UUID storeId) {
        return board.of(staff, storeId);
    }

    /** A store whose waiter's board this person may see: its floor staff; 404 for another merchant's. */
    public Store serviceStore(StaffPrincipal staff, UUID storeId) {
        return floor.floorStore(staff, storeId);
    }

    /** A store whose kitchen display this person may see; 404 for another merchant's, 403 for cashiers, couriers. */
    public Store kitchenStore(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (!KITCHEN.contains(staff.role())) throw Problem.forbidden("only kitchen and floor staff see the tickets");
        return store;
    }
}

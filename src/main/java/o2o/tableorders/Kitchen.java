package o2o.tableorders;

import static o2o.shared.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.Tables;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Tables tables;
    private final FloorPlan floor;
    private final TableOrders orders;
    private final Clock clock;

    Kitchen(JdbcClient jdbc, Stores stores, Tables tables, FloorPlan floor, TableOrders orders, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.tables = tables;
        this.floor = floor;
        this.orders = orders;
        this.clock = clock;
    }

    /** A round on the kitchen display: which table, when it came in, and all of its dishes with their states. */
    public record Ticket(UUID roundId, UUID tableId, String tableLabel, int number, Instant submittedAt,
            List<RoundItem> items) {}

    /** Where a table is on the waiter's board. */
    public enum TableState { FREE, SEATED, ORDERING, IN_KITCHEN, SERVED }

    /** A table on the waiter's board with its open session's cart size and rounds. */
    public record TableService(UUID tableId, String label, @Nullable String area, TableState state,
            @Nullable UUID sessionId, @Nullable Instant since, int cartLines, List<Round> rounds) {}

    /** The rounds that still have a dish to cook or serve, oldest first; a round all served (or voided) leaves. */
    @Transactional(readOnly = true)
    public List<Ticket> tickets(StaffPrincipal staff, UUID storeId) {
        var store = kitchenStore(staff, storeId);
        var rounds = jdbc.sql("""
                        select r.id, r.session_id, r.table_id, r.number, r.submitted_by, r.submitted_at
                        from table_round r
                        where r.merchant_id = :m and r.store_id = :s
                          and r.id in (select i.round_id from round_item i
                                       where i.store_id = :s and i.state in ('NEW', 'COOKING'))
                        order by r.submitted_at, r.id
                        """)
                .param("m", store.merchantId()).param("s", store.id())
                .query((rs, n) -> Map.entry(rs.getObject("table_id", UUID.class), TableOrders.roundRow(rs, n)))
                .list();
        if (rounds.isEmpty()) return List.of();
        var ids = rounds.stream().map(r -> r.getValue().id()).toArray(UUID[]::new);
        var items = jdbc.sql("select " + TableOrders.ITEM_COLUMNS + """
                         from round_item i join table_round r on r.id = i.round_id
                        where i.round_id = any(cast(:ids as uuid[])) and i.merchant_id = :m
                        order by r.submitted_at, r.id, i.id
                        """)
                .param("ids", ids).param("m", store.merchantId()).query(TableOrders::item).list();
        var full = TableOrders.withItems(rounds.stream().map(Map.Entry::getValue).toList(), items);
        var labels = new HashMap<UUID, String>();
        return IntStream.range(0, full.size()).mapToObj(i -> {
            var tableId = rounds.get(i).getKey();
            var round = full.get(i);
            var label = labels.computeIfAbsent(tableId,
                    id -> tables.table(id).map(DiningTable::label).orElse(""));
            return new Ticket(round.id(), tableId, label, round.number(), round.submittedAt(), round.items());
        }).toList();
    }

    /**
     * Moves a dish to its next state: COOKING from NEW, SERVED from COOKING, VOIDED from either. One conditional
     * update; a click that comes after a colleague's (the dish is no longer where the button saw it) is a 409
     * {@code round-item-moved} and changes nothing. A void once the bill is asked for is a 409 {@code bill-in-progress}.
     */
    @Transactional
    public RoundItem move(StaffPrincipal staff, UUID storeId, UUID itemId, @Nullable ItemState to) {
        var store = kitchenStore(staff, storeId);
        if (to == null || to == ItemState.NEW) throw new InvalidInput("state", "COOKING, SERVED or VOIDED");
        if (to == ItemState.VOIDED) {
            // a void changes what the bill charges: not once the bill is asked for
            jdbc.sql("select session_id from round_item where id = :id and merchant_id = :m and store_id = :s")
                    .param("id", itemId).param("m", store.merchantId()).param("s", store.id())
                    .query(UUID.class).optional().ifPresent(orders::holdUnbilled);
        }
        var from = EnumSet.noneOf(ItemState.class);
        for (var state : ItemState.values()) if (to.follows(state)) from.add(state);
        int moved = jdbc.sql("""
                        update round_item set state = :to, state_at = :now
                        where id = :id and merchant_id = :m and store_id = :s and state = any(cast(:from as text[]))
                        """)
                .param("to", to.name()).param("now", utc(clock.instant()))
                .param("id", itemId).param("m", store.merchantId()).param("s", store.id())
                .param("from", from.stream().map(Enum::name).toArray(String[]::new))
                .update();
        var item = item(store, itemId);
        if (moved == 0) {
            throw new Problem(HttpStatus.CONFLICT, "round-item-moved",
                    item.name() + " is " + item.state() + " already", Map.of("state", item.state().name()),
                    item.name());
        }
        return item;
    }

    /** The waiter's board: every live table of the store, what it is at, and its open session's rounds. */
    @Transactional(readOnly = true)
    public List<TableService> service(StaffPrincipal staff, UUID storeId) {
        var board = floor.status(staff, storeId);
        var store = serviceStore(staff, storeId);
        var sessions = board.stream().map(FloorPlan.TableStatus::sessionId).filter(s -> s != null)
                .toArray(UUID[]::new);
        var cartLines = new HashMap<UUID, Integer>();
        jdbc.sql("""
                        select session_id, count(*) as lines from cart_line
                        where merchant_id = :m and session_id = any(cast(:s as uuid[])) group by session_id
                        """)
                .param("m", store.merchantId()).param("s", sessions)
                .query(rs -> {
                    cartLines.put(rs.getObject("session_id", UUID.class), rs.getInt("lines"));
                });
        return board.stream().map(t -> {
            if (t.sessionId() == null) {
                return new TableService(t.tableId(), t.label(), t.area(), TableState.FREE, null, null, 0, List.of());
            }
            var rounds = orders.rounds(t.sessionId());
            int lines = cartLines.getOrDefault(t.sessionId(), 0);
            return new TableService(t.tableId(), t.label(), t.area(), state(lines, rounds), t.sessionId(), t.since(),
                    lines, rounds);
        }).toList();
    }

    private static TableState state(int cartLines, List<Round> rounds) {
        var items = rounds.stream().flatMap(r -> r.items().stream()).toList();
        if (items.stream().anyMatch(i -> i.state() == ItemState.NEW || i.state() == ItemState.COOKING)) {
            return TableState.IN_KITCHEN;
        }
        if (cartLines > 0) return TableState.ORDERING;
        if (items.stream().anyMatch(i -> i.state() == ItemState.SERVED)) return TableState.SERVED;
        return TableState.SEATED;
    }

    private RoundItem item(Store store, UUID itemId) {
        return jdbc.sql("select " + TableOrders.ITEM_COLUMNS + """
                         from round_item i join table_round r on r.id = i.round_id
                        where i.id = :id and i.merchant_id = :m and i.store_id = :s
                        """)
                .param("id", itemId).param("m", store.merchantId()).param("s", store.id())
                .query(TableOrders::item).optional().orElseThrow(() -> Problem.notFound("dish"));
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

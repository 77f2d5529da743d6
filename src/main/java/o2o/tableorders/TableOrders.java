package o2o.tableorders;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import o2o.catalog.Menu;
import o2o.catalog.MenuItem;
import o2o.catalog.PricedLine;
import o2o.dining.DiningTable;
import o2o.dining.TableSession;
import o2o.dining.Tables;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.tableorders.persistence.SessionLock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for ordering at a table. Whoever holds the table's code (its QR) while a session is open fills one
 * shared cart: every diner's addition is a row of its own, so additions at the same moment never overwrite each other,
 * and the same dish added again by the same diner raises its quantity in one statement. A round takes the whole cart
 * in one {@code delete … returning}, so each line goes to the kitchen exactly once however many phones press "send".
 * Every round — the diners' and the staff's — leaves through {@link #send}, under a per-session lock that also numbers
 * the rounds 1, 2, ….
 */
@Service
public class TableOrders {

    /** Who may put a round straight into the kitchen for a table. */
    static final Set<Role> WAITING = EnumSet.of(Role.OWNER, Role.MANAGER, Role.WAITER);
    static final int MAX_QUANTITY = 99;
    static final int MAX_NOTE = 140;
    static final int MAX_STAFF_LINES = 50;

    static final String ITEM_COLUMNS = """
            i.id, i.round_id, r.number, i.item_id, i.name, i.options, i.note, i.unit_price_minor, i.quantity,
            i.amount_minor, i.currency, i.added_by, i.customer_id, i.state, i.state_at
            """;
    private static final String LINE_COLUMNS = """
            id, item_id, name, option_ids, quantity, note, added_by, customer_id, added_at
            """;

    private final JdbcClient jdbc;
    private final Tables tables;
    private final Menu menu;
    private final Bills bills;
    private final SessionLock lock;
    private final Clock clock;

    TableOrders(JdbcClient jdbc, Tables tables, Menu menu, Bills bills, SessionLock lock, Clock clock) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.tables = tables;
        this.menu = menu;
        this.bills = bills;
        this.clock = clock;
    }

    /** The table a QR code names and its open session: 404 for an unknown code, 409 when nobody sits there. */
    @Transactional(readOnly = true)
    public OpenTable openTable(String code) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        var session = tables.openSessionAt(table.id()).orElseThrow(TableOrders::notOpen);
        return new OpenTable(table, session);
    }

    /** The cart of a session, everyone's lines oldest first, each priced by the store's menu as it is now. */
    @Transactional(readOnly = true)
    public Cart cart(UUID sessionId) {
        var session = tables.session(sessionId).orElseThrow(() -> Problem.notFound("session"));
        var rows = jdbc.sql("select " + LINE_COLUMNS + " from cart_line where session_id = :s order by added_at, id")
                .param("s", sessionId).query(TableOrders::row).list();
        var dishes = dishes(session.storeId());
        var lines = new ArrayList<CartLine>();
        Money total = null;
        for (var row : rows) {
            var line = priced(dishes, row);
            lines.add(line);
            if (line.amount() != null) total = total == null ? line.amount() : total.plus(line.amount());
        }
        return new Cart(sessionId, List.copyOf(lines), total == null ? Money.zero(Money.CNY) : total);
    }

    /**
     * Adds a dish to the table's cart for this diner, priced by the store's menu (sold out or off the menu is a 409,
     * bad options a 400). The same dish with the same options from the same diner raises that line's quantity; past
     * 99 it is a 409 {@code table-cart-line-full} and nothing changes.
     */
    @Transactional
    public CartLine add(OpenTable at, Diner diner, LineRequest request) {
        var session = openSession(at.session().id());
        var wanted = wanted(request);
        var priced = menu.price(session.storeId(), wanted.itemId(), wanted.optionIds(), wanted.quantity());
        var options = priced.optionIds().stream().sorted().toArray(UUID[]::new);
        var id = jdbc.sql("""
                        insert into cart_line (id, merchant_id, store_id, session_id, item_id, option_ids, quantity,
                                               note, added_by, customer_id, added_at, name)
                        values (:id, :m, :store, :s, :item, cast(:options as uuid[]), :quantity, :note, :by,
                                :customer, :now, :name)
                        on conflict (session_id, added_by, item_id, option_ids) do update
                            set quantity = cart_line.quantity + excluded.quantity,
                                note = coalesce(excluded.note, cart_line.note)
                            where cart_line.quantity + excluded.quantity <= 99
                        returning id
                        """)
                .param("id", Ids.next()).param("m", session.merchantId()).param("store", session.storeId())
                .param("s", session.id()).param("item", wanted.itemId()).param("options", options)
                .param("quantity", wanted.quantity())
                .param("note", new SqlParameterValue(Types.VARCHAR, wanted.note()))
                .param("by", diner.key())
                .param("customer", new SqlParameterValue(Types.OTHER, diner.customerId()))
                .param("now", now()).param("name", priced.name())
                .query(UUID.class).optional()
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "table-cart-line-full",
                        priced.name() + ": at most 99 of a dish per diner", priced.name()));
        if (diner.customerId() != null) tables.addDiner(session, diner.customerId());
        return line(session, id);
    }

    /** Sets how many of a line the table wants (1–99); any diner at the table may change any line of its cart. */
    @Transactional
    public CartLine change(UUID sessionId, UUID lineId, @Nullable Integer quantity) {
        var session = openSession(sessionId);
        if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInput("quantity", "between 1 and 99");
        }
        int updated = jdbc.sql("update cart_line set quantity = :q where id = :id and session_id = :s")
                .param("q", quantity).param("id", lineId).param("s", sessionId).update();
        if (updated == 0) throw Problem.notFound("cart line");
        return line(session, lineId);
    }

    /** Takes a line out of the cart; 404 when it is no longer there (removed, or sent in a round). */
    @Transactional
    public void remove(UUID sessionId, UUID lineId) {
        openSession(sessionId);
        int removed = jdbc.sql("delete from cart_line where id = :id and session_id = :s")
                .param("id", lineId).param("s", sessionId).update();
        if (removed == 0) throw Problem.notFound("cart line");
    }

    /** The session's rounds, oldest first, with every dish and its state. */
    @Transactional(readOnly = true)
    public List<Round> rounds(UUID sessionId) {
        var rounds = jdbc.sql("""
                        select id, session_id, number, submitted_by, submitted_at from table_round
                        where session_id = :s order by number
                        """)
                .param("s", sessionId).query(TableOrders::roundRow).list();
        var items = jdbc.sql("select " + ITEM_COLUMNS + """
                         from round_item i join table_round r on r.id = i.round_id
                        where i.session_id = :s order by r.number, i.id
                        """)
                .param("s", sessionId).query(TableOrders::item).list();
        return withItems(rounds, items);
    }

    /** Sends the whole cart to the kitchen as the session's next round; 409 {@code table-cart-empty} when empty. */
    @Transactional
    public Round submit(UUID sessionId, String submittedBy) {
        return send(sessionId, submittedBy, this::takeCart);
    }

    /** Staff (waiter, manager, owner) order for a table: a round straight to the kitchen, the cart untouched. */
    @Transactional
    public Round staffRound(StaffPrincipal staff, UUID tableId, @Nullable List<LineRequest> requests) {
        var table = staffTable(staff, tableId);
        if (!WAITING.contains(staff.role())) throw Problem.forbidden("only waiters, managers and owners order");
        if (requests == null || requests.isEmpty() || requests.size() > MAX_STAFF_LINES) {
            throw new InvalidInput("lines", "1 to " + MAX_STAFF_LINES + " dishes");
        }
        var wanted = requests.stream().map(TableOrders::wanted).toList();
        var session = tables.openSessionAt(table.id()).orElseThrow(TableOrders::notOpen);
        var by = Diner.staff(staff.staffId()).key();
        return send(session.id(), by, s -> wanted.stream()
                .map(w -> new Pending(menu.price(s.storeId(), w.itemId(), w.optionIds(), w.quantity()), w.note(), by,
                        null))
                .toList());
    }

    /** Whether this member of staff may order for a table (waiters, managers, owners). */
    public boolean ordersForTables(StaffPrincipal staff) {
        return WAITING.contains(staff.role());
    }

    /**
     * Takes the session's round lock (asking for the bill takes it too) and refuses with 409 {@code bill-in-progress}
     * once the bill is asked for: what the bill charges is fixed from then on, until staff reopen it.
     */
    void holdUnbilled(UUID sessionId) {
        lock.hold(sessionId);
        bills.requireNoBill(sessionId);
    }

    /**
     * Every round leaves through here: the session must be open, and the rounds of one session are sent one at a
     * time (a transaction-scoped advisory lock on the session), which makes "the last number plus one" safe. Asking
     * for the bill takes the same lock, so once the bill is asked for no round goes out: 409 {@code bill-in-progress}.
     */
    private Round send(UUID sessionId, String submittedBy, Function<TableSession, List<Pending>> lines) {
        var session = openSession(sessionId);
        holdUnbilled(sessionId);
        var pending = lines.apply(session);
        if (pending.isEmpty()) throw Problem.conflict("table-cart-empty", "the cart is empty");
        var roundId = Ids.next();
        var now = now();
        var number = jdbc.sql("""
                        insert into table_round (id, merchant_id, store_id, session_id, table_id, number,
                                                 submitted_by, submitted_at)
                        select :id, :m, :store, :s, :table, coalesce(max(number), 0) + 1, :by, :now
                        from table_round where session_id = :s
                        returning number
                        """)
                .param("id", roundId).param("m", session.merchantId()).param("store", session.storeId())
                .param("s", session.id()).param("table", session.tableId()).param("by", submittedBy)
                .param("now", now)
                .query(Integer.class).single();
        for (var line : pending) {
            var priced = line.priced();
            jdbc.sql("""
                            insert into round_item (id, merchant_id, store_id, session_id, round_id, item_id, name,
                                                    options, note, unit_price_minor, quantity, amount_minor, currency,
                                                    added_by, customer_id, state, state_at)
                            values (:id, :m, :store, :s, :round, :item, :name, cast(:options as text[]), :note,
                                    :unit, :quantity, :amount, :currency, :by, :customer, 'NEW', :now)
                            """)
                    .param("id", Ids.next()).param("m", session.merchantId()).param("store", session.storeId())
                    .param("s", session.id()).param("round", roundId).param("item", priced.itemId())
                    .param("name", priced.name()).param("options", priced.options().toArray(String[]::new))
                    .param("note", new SqlParameterValue(Types.VARCHAR, line.note()))
                    .param("unit", priced.unitPrice().minor()).param("quantity", priced.quantity())
                    .param("amount", priced.amount().minor())
                    .param("currency", priced.amount().currency().getCurrencyCode())
                    .param("by", line.addedBy())
                    .param("customer", new SqlParameterValue(Types.OTHER, line.customerId()))
                    .param("now", now)
                    .update();
        }
        return rounds(session.id()).stream().filter(r -> r.number() == number).findFirst().orElseThrow();
    }

    /** The whole cart, taken in one statement: a line another submit took first is not seen here. */
    private List<Pending> takeCart(TableSession session) {
        var taken = jdbc.sql("delete from cart_line where session_id = :s returning " + LINE_COLUMNS)
                .param("s", session.id()).query(TableOrders::row).list().stream()
                .sorted(Comparator.comparing(Row::addedAt).thenComparing(Row::id))
                .toList();
        return taken.stream()
                .map(row -> new Pending(menu.price(session.storeId(), row.itemId(), row.optionIds(), row.quantity()),
                        row.note(), row.addedBy(), row.customerId()))
                .toList();
    }

    /** A live table of a store this staff member works in; another merchant's (or store's) table is not found. */
    DiningTable staffTable(StaffPrincipal staff, UUID tableId) {
        return tables.table(tableId).filter(DiningTable::active)
                .filter(t -> staff.canActIn(t.merchantId(), t.storeId()))
                .orElseThrow(() -> Problem.notFound("table"));
    }

    private TableSession openSession(UUID sessionId) {
        var session = tables.session(sessionId).orElseThrow(() -> Problem.notFound("session"));
        if (!session.open()) throw notOpen();
        return session;
    }

    private CartLine line(TableSession session, UUID lineId) {
        var row = jdbc.sql("select " + LINE_COLUMNS + " from cart_line where id = :id and session_id = :s")
                .param("id", lineId).param("s", session.id()).query(TableOrders::row).single();
        return priced(dishes(session.storeId()), row);
    }

    /** A dish on the store's menu now: the item at this store's price, and whether it is sold out. */
    private record Offer(MenuItem item, boolean soldOut) {}

    /** The store's menu as customers see it now, by item: one read prices the whole cart. */
    private Map<UUID, Offer> dishes(UUID storeId) {
        var storeMenu = menu.menuOf(storeId);
        var dishes = new HashMap<UUID, Offer>();
        for (var section : storeMenu.categories()) {
            for (var dish : section.items()) {
                dishes.put(dish.id(), new Offer(new MenuItem(dish.id(), storeMenu.merchantId(), section.id(),
                        dish.name(), dish.description(), dish.photoUrl(), dish.price(), true, dish.optionGroups()),
                        dish.soldOut()));
            }
        }
        return dishes;
    }

    /**
     * Prices a cart line for showing, by the menu's own rules, without failing: a dish that cannot be ordered now is
     * shown with the reason, and a round with it in is refused by {@link Menu#price} when it is sent.
     */
    private static CartLine priced(Map<UUID, Offer> dishes, Row row) {
        var offer = dishes.get(row.itemId());
        String refusal = offer == null ? "menu-item-unavailable" : offer.soldOut() ? "menu-item-sold-out" : null;
        if (offer != null && refusal == null) {
            try {
                var priced = offer.item().priceAt(offer.item().price(), row.optionIds(), row.quantity());
                return new CartLine(row.id(), row.itemId(), priced.name(), row.optionIds(), priced.options(),
                        row.note(), row.quantity(), priced.unitPrice(), priced.amount(), row.addedBy(),
                        row.customerId(), row.addedAt(), null);
            } catch (InvalidInput changed) {
                refusal = changed.slug();
            }
        }
        return new CartLine(row.id(), row.itemId(), row.name(), row.optionIds(),
                List.of(), row.note(), row.quantity(), null, null, row.addedBy(), row.customerId(), row.addedAt(),
                refusal);
    }

    private static Wanted wanted(@Nullable LineRequest request) {
        if (request == null || request.itemId() == null) throw new InvalidInput("itemId", "required");
        int quantity = request.quantity() == null ? 1 : request.quantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) throw new InvalidInput("quantity", "between 1 and 99");
        var options = request.optionIds() == null ? List.<UUID>of() : request.optionIds();
        if (options.stream().anyMatch(o -> o == null)) throw new InvalidInput("optionIds", "an empty option");
        var note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) throw new InvalidInput("note", "at most 140 characters");
        return new Wanted(request.itemId(), List.copyOf(options), quantity, note);
    }

    static Problem notOpen() {
        return Problem.conflict("table-not-open", "nobody is seated at this table; scan its code again");
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private record Wanted(UUID itemId, List<UUID> optionIds, int quantity, @Nullable String note) {}

    private record Pending(PricedLine priced, @Nullable String note, String addedBy, @Nullable UUID customerId) {}

    private record Row(UUID id, UUID itemId, String name, List<UUID> optionIds, int quantity, @Nullable String note,
            String addedBy, @Nullable UUID customerId, Instant addedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class), rs.getString("name"),
                List.of((UUID[]) rs.getArray("option_ids").getArray()), rs.getInt("quantity"), rs.getString("note"),
                rs.getString("added_by"), rs.getObject("customer_id", UUID.class), instant(rs, "added_at"));
    }

    static Round roundRow(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), rs.getInt("number"),
                rs.getString("submitted_by"), instant(rs, "submitted_at"), List.of());
    }

    static RoundItem item(ResultSet rs, int n) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        return new RoundItem(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getInt("number"), rs.getObject("item_id", UUID.class), rs.getString("name"),
                List.of((String[]) rs.getArray("options").getArray()), rs.getString("note"),
                new Money(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
                new Money(rs.getLong("amount_minor"), currency), rs.getString("added_by"),
                rs.getObject("customer_id", UUID.class), ItemState.valueOf(rs.getString("state")),
                instant(rs, "state_at"));
    }

    /** Rounds in their order, each with its items (items arrive in round order). */
    static List<Round> withItems(List<Round> rounds, List<RoundItem> items) {
        var byRound = new LinkedHashMap<UUID, List<RoundItem>>();
        for (var round : rounds) byRound.put(round.id(), new ArrayList<>());
        for (var item : items) {
            var list = byRound.get(item.roundId());
            if (list != null) list.add(item);
        }
        return rounds.stream().map(r -> new Round(r.id(), r.sessionId(), r.number(), r.submittedBy(),
                r.submittedAt(), List.copyOf(byRound.get(r.id())))).toList();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

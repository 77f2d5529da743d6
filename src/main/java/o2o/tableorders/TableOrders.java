package o2o.tableorders;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.dining.DiningTable;
import o2o.dining.TableSession;
import o2o.dining.Tables;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.tableorders.persistence.RoundRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for ordering at a table. Whoever holds the table's code (its QR) while a session is open fills one
 * shared cart ({@link TableCart}); the cart goes to the kitchen as a round, and staff may send rounds of their own
 * ({@link Rounds}).
 */
@Service
public class TableOrders {

    /** Who may put a round straight into the kitchen for a table. */
    static final Set<Role> WAITING = EnumSet.of(Role.OWNER, Role.MANAGER, Role.WAITER);
    static final int MAX_STAFF_LINES = 50;

    private final Tables tables;
    private final TableCart cart;
    private final Rounds rounds;
    private final RoundRepository sent;

    TableOrders(Tables tables, TableCart cart, Rounds rounds, RoundRepository sent) {
        this.tables = tables;
        this.cart = cart;
        this.rounds = rounds;
        this.sent = sent;
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
        return cart.of(tables.session(sessionId).orElseThrow(() -> Problem.notFound("session")));
    }

    /**
     * Adds a dish to the table's cart for this diner, priced by the store's menu (sold out or off the menu is a 409,
     * bad options a 400). The same dish with the same options from the same diner raises that line's quantity; past
     * 99 it is a 409 {@code table-cart-line-full} and nothing changes.
     */
    @Transactional
    public CartLine add(OpenTable at, Diner diner, LineRequest request) {
        var session = openSession(at.session().id());
        return cart.add(session, diner, WantedDish.of(request));
    }

    /** Sets how many of a line the table wants (1–99); any diner at the table may change any line of its cart. */
    @Transactional
    public CartLine change(UUID sessionId, UUID lineId, @Nullable Integer quantity) {
        var session = openSession(sessionId);
        return cart.change(session, lineId, WantedDish.requireQuantity(quantity));
    }

    /** Takes a line out of the cart; 404 when it is no longer there (removed, or sent in a round). */
    @Transactional
    public void remove(UUID sessionId, UUID lineId) {
        cart.remove(openSession(sessionId), lineId);
    }

    /** The session's rounds, oldest first, with every dish and its state. */
    @Transactional(readOnly = true)
    public List<Round> rounds(UUID sessionId) {
        return sent.of(sessionId);
    }

    /** Sends the whole cart to the kitchen as the session's next round; 409 {@code table-cart-empty} when empty. */
    @Transactional
    public Round submit(UUID sessionId, String submittedBy) {
        return rounds.submit(openSession(sessionId), submittedBy);
    }

    /** Staff (waiter, manager, owner) order for a table: a round straight to the kitchen, the cart untouched. */
    @Transactional
    public Round staffRound(StaffPrincipal staff, UUID tableId, @Nullable List<LineRequest> requests) {
        var table = staffTable(staff, tableId);
        if (!WAITING.contains(staff.role())) throw Problem.forbidden("only waiters, managers and owners order");
        if (requests == null || requests.isEmpty() || requests.size() > MAX_STAFF_LINES) {
            throw new InvalidInput("lines", "1 to " + MAX_STAFF_LINES + " dishes");
        }
        var wanted = requests.stream().map(WantedDish::of).toList();
        var session = tables.openSessionAt(table.id()).orElseThrow(TableOrders::notOpen);
        return rounds.staffRound(session, Diner.staff(staff.staffId()).key(), wanted);
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
        rounds.holdUnbilled(sessionId);
    }

    /** A live table of a store this staff member works in; another merchant's (or store's) table is not found. */
    private DiningTable staffTable(StaffPrincipal staff, UUID tableId) {
        return tables.table(tableId).filter(DiningTable::active)
                .filter(t -> staff.canActIn(new MerchantId(t.merchantId()), new StoreId(t.storeId())))
                .orElseThrow(() -> Problem.notFound("table"));
    }

    private TableSession openSession(UUID sessionId) {
        var session = tables.session(sessionId).orElseThrow(() -> Problem.notFound("session"));
        if (!session.open()) throw notOpen();
        return session;
    }

    static Problem notOpen() {
        return Problem.conflict("table-not-open", "nobody is seated at this table; scan its code again");
    }
}

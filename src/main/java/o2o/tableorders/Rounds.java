package o2o.tableorders;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import o2o.catalog.Menu;
import o2o.dining.TableSession;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.tableorders.persistence.CartRepository;
import o2o.tableorders.persistence.RoundRepository;
import o2o.tableorders.persistence.RoundDish;
import o2o.tableorders.persistence.SessionLock;
import org.springframework.stereotype.Component;

/**
 * Every round — the diners' and the staff's — leaves through here, under the session's lock, which numbers the
 * rounds 1, 2, … and which asking for the bill takes too: once the bill is asked for no round goes out. A round
 * takes the whole cart in one {@code delete … returning}, so each line goes to the kitchen exactly once however many
 * phones press "send".
 */
@Component
class Rounds {

    private final RoundRepository rounds;
    private final CartRepository carts;
    private final SessionLock lock;
    private final Bills bills;
    private final Menu menu;
    private final Clock clock;

    Rounds(RoundRepository rounds, CartRepository carts, SessionLock lock, Bills bills, Menu menu, Clock clock) {
        this.rounds = rounds;
        this.carts = carts;
        this.lock = lock;
        this.bills = bills;
        this.menu = menu;
        this.clock = clock;
    }

    /** The whole cart as the session's next round; 409 {@code table-cart-empty} when it is empty. */
    Round submit(TableSession session, String submittedBy) {
        var store = new StoreId(session.storeId());
        return send(session, submittedBy, s -> {
            var rows = carts.takeAll(s.id());
            var priced = menu.price(store, rows.stream()
                    .map(row -> new Menu.Wanted(row.itemId(), row.optionIds(), row.quantity())).toList());
            return IntStream.range(0, rows.size()).mapToObj(i -> new RoundDish(priced.get(i), rows.get(i).note(),
                    rows.get(i).addedBy(), rows.get(i).customerId())).toList();
        });
    }

    /** Dishes staff order for the table, straight to the kitchen, the cart untouched. */
    Round staffRound(TableSession session, String by, List<WantedDish> wanted) {
        var store = new StoreId(session.storeId());
        return send(session, by, s -> {
            var priced = menu.price(store, wanted.stream()
                    .map(w -> new Menu.Wanted(w.itemId(), w.optionIds(), w.quantity())).toList());
            return IntStream.range(0, wanted.size())
                    .mapToObj(i -> new RoundDish(priced.get(i), wanted.get(i).note(), by, null)).toList();
        });
    }

    /** Takes the session's round lock and refuses with 409 {@code bill-in-progress} once the bill is asked for. */
    void holdUnbilled(UUID sessionId) {
        lock.hold(sessionId);
        bills.requireNoBill(sessionId);
    }

    private Round send(TableSession session, String submittedBy, Function<TableSession, List<RoundDish>> dishes) {
        holdUnbilled(session.id());
        var pending = dishes.apply(session);
        if (pending.isEmpty()) throw Problem.conflict("table-cart-empty", "the cart is empty");
        int number = rounds.add(session, submittedBy, pending, clock.instant());
        return rounds.of(session.id()).stream().filter(r -> r.number() == number).findFirst().orElseThrow();
    }
}

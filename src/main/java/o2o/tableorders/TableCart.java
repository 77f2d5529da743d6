package o2o.tableorders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.dining.TableSession;
import o2o.dining.Tables;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.tableorders.persistence.CartRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The table's shared cart that several diners fill at once; the same dish added again by the same diner raises its
 * quantity in one statement. Lines are priced by the store's menu as it is now.
 */
@Component
class TableCart {

    private final CartRepository carts;
    private final Tables tables;
    private final Menu menu;
    private final Clock clock;

    TableCart(CartRepository carts, Tables tables, Menu menu, Clock clock) {
        this.carts = carts;
        this.tables = tables;
        this.menu = menu;
        this.clock = clock;
    }

    Cart of(TableSession session) {
        var rows = carts.lines(session.id());
        var offers = MenuOffers.of(menu.menuOf(session.storeId()));
        var lines = new ArrayList<CartLine>();
        Money total = null;
        for (var row : rows) {
            var line = offers.price(row);
            lines.add(line);
            if (line.amount() != null) total = total == null ? line.amount() : total.plus(line.amount());
        }
        return new Cart(session.id(), List.copyOf(lines), total == null ? Money.zero(Money.CNY) : total);
    }

    CartLine add(TableSession session, Diner diner, WantedDish wanted) {
        var priced = menu.price(new StoreId(session.storeId()), wanted.itemId(), wanted.optionIds(), wanted.quantity());
        var row = carts.add(session, diner, priced, wanted.note(), clock.instant())
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "table-cart-line-full",
                        priced.name() + ": at most 99 of a dish per diner", priced.name()));
        if (diner.customerId() != null) tables.addDiner(session, diner.customerId());
        return MenuOffers.priced(row, priced); // the menu was just read to price it: not read again
    }

    CartLine change(TableSession session, UUID lineId, int quantity) {
        if (!carts.changeQuantity(session.id(), lineId, quantity)) throw Problem.notFound("cart line");
        return line(session, lineId);
    }

    void remove(TableSession session, UUID lineId) {
        if (!carts.remove(session.id(), lineId)) throw Problem.notFound("cart line");
    }

    private CartLine line(TableSession session, UUID lineId) {
        var row = carts.line(session.id(), lineId);
        return MenuOffers.of(menu.menuOf(session.storeId())).price(row);
    }
}

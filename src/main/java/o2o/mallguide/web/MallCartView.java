package o2o.mallguide.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import o2o.catalog.Menu;
import o2o.catalog.PricedLine;
import o2o.delivery.Deliveries;
import o2o.delivery.Quote;
import o2o.merchants.Stores;
import o2o.shared.GeoPoint;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The cart across a mall's tenants as the page keeps it (in the session) and shows it: by tenant, priced now. */
@Component
class MallCartView {

    private final Menu menu;
    private final Stores stores;
    private final Deliveries deliveries;
    private final PageText text;

    MallCartView(Menu menu, Stores stores, Deliveries deliveries, PageText text) {
        this.menu = menu;
        this.stores = stores;
        this.deliveries = deliveries;
        this.text = text;
    }

    /** A line as the session keeps it: ids only, priced again whenever shown or ordered. */
    record SessionLine(UUID storeId, UUID itemId, List<UUID> optionIds, int quantity) implements Serializable {}

    /** A line shown: its place in the cart, its price now, or why it cannot be ordered now. */
    record CartRow(int index, @Nullable PricedLine priced, @Nullable String problem) {}

    /**
     * A tenant's part of the cart; delivered, with its quote to the chosen address (fee, minimum, promise) or why it
     * cannot deliver there.
     */
    record TenantLines(UUID storeId, String storeName, List<CartRow> rows, Money subtotal, @Nullable Quote quote,
            @Nullable String quoteProblem) {

        public boolean deliverable() {
            return quote != null && quote.meetsMinimum();
        }
    }

    /** The cart by tenant; {@code delivering} when it is shown for delivery to an address. */
    record View(List<TenantLines> tenants, Money total, int lines, boolean delivering) {

        public boolean isEmpty() {
            return lines == 0;
        }

        /** Delivered, every tenant must deliver there, above its minimum. */
        public boolean orderable() {
            return !isEmpty() && (!delivering || tenants.stream().allMatch(TenantLines::deliverable));
        }
    }

    PricedLine priceOne(SessionLine line) {
        return menu.price(new StoreId(line.storeId()), line.itemId(), line.optionIds(), line.quantity());
    }

    /** The cart for pick-up. */
    View view(List<SessionLine> lines) {
        return view(lines, null);
    }

    /** The cart delivered to {@code to} (each tenant's quote and fee), or for pick-up when absent. */
    View view(List<SessionLine> lines, @Nullable GeoPoint to) {
        var names = stores.findAll(lines.stream().map(SessionLine::storeId).distinct().toList());
        var byStore = new LinkedHashMap<UUID, List<CartRow>>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            CartRow row;
            try {
                row = new CartRow(i, priceOne(line), null);
            } catch (Problem problem) {
                row = new CartRow(i, null, text.problem(problem));
            }
            byStore.computeIfAbsent(line.storeId(), s -> new ArrayList<>()).add(row);
        }
        var tenants = new ArrayList<TenantLines>();
        var total = Money.zero(Money.CNY);
        for (var entry : byStore.entrySet()) {
            var subtotal = Money.zero(Money.CNY);
            for (var row : entry.getValue()) if (row.priced() != null) subtotal = subtotal.plus(row.priced().amount());
            Quote quote = null;
            String quoteProblem = null;
            if (to != null) {
                try {
                    quote = deliveries.quote(entry.getKey(), to, subtotal);
                    subtotal = subtotal.plus(quote.fee());
                } catch (Problem problem) {
                    quoteProblem = text.problem(problem);
                }
            }
            total = total.plus(subtotal);
            var store = names.get(entry.getKey());
            tenants.add(new TenantLines(entry.getKey(), store == null ? "" : store.name(), entry.getValue(), subtotal,
                    quote, quoteProblem));
        }
        return new View(tenants, total, lines.size(), to != null);
    }

    @SuppressWarnings("unchecked")
    static List<SessionLine> cart(HttpSession session, UUID mallId) {
        return session.getAttribute(key(mallId)) instanceof List<?> list ? (List<SessionLine>) list : List.of();
    }

    static void keep(HttpSession session, UUID mallId, List<SessionLine> lines) {
        session.setAttribute(key(mallId), List.copyOf(lines));
    }

    private static String key(UUID mallId) {
        return "mallguide.cart." + mallId;
    }
}

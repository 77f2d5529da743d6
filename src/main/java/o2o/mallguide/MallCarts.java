package o2o.mallguide;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.mallguide.persistence.MallCartOrders;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.orders.OrderGroup;
import o2o.orders.Orders;
import o2o.payments.Payment;
import o2o.pickup.CartLine;
import o2o.pickup.PickupOrder;
import o2o.pickup.PickupRequest;
import o2o.pickup.Pickups;
import o2o.shared.InvalidInput;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One cart across a mall's tenants: checked out as one pick-up order per tenant (each tenant's counter, number of the
 * day and refunds work as for any pick-up order), gathered into one order group the customer pays once, to the mall.
 */
@Service
public class MallCarts {

    static final int MAX_LINES = 30;
    static final int MAX_TENANTS = 8;

    private final Malls malls;
    private final Pickups pickups;
    private final Orders orders;
    private final MallCartOrders carts;
    private final Clock clock;

    MallCarts(Malls malls, Pickups pickups, Orders orders, MallCartOrders carts, Clock clock) {
        this.malls = malls;
        this.pickups = pickups;
        this.orders = orders;
        this.carts = carts;
        this.clock = clock;
    }

    /** A checked-out cart: its group and each tenant's pick-up order, in the order the tenants came in the cart. */
    public record CartOrder(Mall mall, OrderGroup group, List<PickupOrder> orders) {}

    /**
     * Prices every line again at its tenant (never a price the client sent) and places one pick-up order per tenant
     * for the same pick-up time, all in this transaction, gathered into one group paid to the mall: all or nothing.
     *
     * @throws Problem 404 for an unknown mall, or a store that is not one of its tenants; 409
     *     {@code mall-cart-price-changed} when a line's price is not what the page showed, and pick-up's 409s
     *     ({@code menu-item-sold-out}, {@code pickup-time-unavailable}, …); 400 for bad input
     */
    @Transactional
    public CartOrder checkout(CustomerPrincipal customer, MallId mallId, List<MallCartLine> lines,
            @Nullable LocalTime pickupTime) {
        var mall = malls.find(mallId).orElseThrow(() -> Problem.notFound("mall"));
        if (lines.isEmpty()) throw new InvalidInput("lines", "the cart is empty");
        if (lines.size() > MAX_LINES) throw new InvalidInput("lines", "at most " + MAX_LINES + " lines");
        var byStore = new LinkedHashMap<StoreId, List<MallCartLine>>();
        for (var line : lines) byStore.computeIfAbsent(line.storeId(), s -> new ArrayList<>()).add(line);
        if (byStore.size() > MAX_TENANTS) throw new InvalidInput("lines", "at most " + MAX_TENANTS + " stores");
        for (var store : byStore.keySet()) requireTenant(mall, store);
        var placed = new ArrayList<PickupOrder>();
        for (var entry : byStore.entrySet()) {
            var cart = entry.getValue().stream().map(l -> new CartLine(l.itemId(), l.optionIds(), l.quantity()))
                    .toList();
            var order = pickups.place(customer, entry.getKey().value(),
                    new PickupRequest(cart, pickupTime, "", null, 0));
            requireShownPrices(entry.getValue(), order);
            placed.add(order);
        }
        var group = orders.group(customer.id(), mall.owner(), mall.name(),
                placed.stream().map(p -> new OrderId(p.orderId())).toList());
        carts.insert(group.id(), mall.id().value(), customer.id().value(), clock.instant());
        return new CartOrder(mall, group, placed);
    }

    /** The customer's checked-out cart; anybody else's, or one of another mall, is "not found". */
    @Transactional(readOnly = true)
    public CartOrder ofCustomer(CustomerPrincipal customer, MallId mallId, UUID groupId) {
        var group = orders.groupOf(customer, groupId);
        var mall = carts.mallOf(group.id()).filter(m -> m.equals(mallId.value())).flatMap(m -> malls.find(mallId))
                .orElseThrow(() -> Problem.notFound("order group"));
        return new CartOrder(mall, group, pickupsOf(customer, group));
    }

    /** The customer's checked-out cart, whichever mall it was in. */
    @Transactional(readOnly = true)
    public CartOrder ofCustomer(CustomerPrincipal customer, UUID groupId) {
        var group = orders.groupOf(customer, groupId);
        var mall = carts.mallOf(group.id()).flatMap(m -> malls.find(new MallId(m)))
                .orElseThrow(() -> Problem.notFound("order group"));
        return new CartOrder(mall, group, pickupsOf(customer, group));
    }

    /** Starts (or resumes) the cart's one payment; the provider sends the customer back to the cart's page. */
    @Transactional
    public Payment pay(CustomerPrincipal customer, UUID groupId, String provider) {
        var cart = ofCustomer(customer, groupId);
        return orders.payGroup(customer, cart.group().id(), provider, "/me/mall-orders/" + groupId);
    }

    private List<PickupOrder> pickupsOf(CustomerPrincipal customer, OrderGroup group) {
        return orders.ordersOf(group).stream().map(o -> pickups.ofCustomer(customer, o.id().value())).toList();
    }

    private void requireTenant(Mall mall, StoreId store) {
        malls.tenant(store).filter(t -> t.mall().equals(mall.id()))
                .orElseThrow(() -> Problem.notFound("store"));
    }

    private static void requireShownPrices(List<MallCartLine> lines, PickupOrder order) {
        var priced = order.order().lines();
        for (int i = 0; i < lines.size(); i++) {
            var shown = lines.get(i).shownAmount();
            if (shown != null && !shown.equals(priced.get(i).amount())) {
                throw new Problem(HttpStatus.CONFLICT, "mall-cart-price-changed",
                        priced.get(i).title() + " is now " + priced.get(i).amount().decimal(),
                        priced.get(i).title());
            }
        }
    }
}

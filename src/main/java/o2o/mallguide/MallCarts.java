package o2o.mallguide;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.delivery.Deliveries;
import o2o.delivery.DeliveryRequest;
import o2o.identity.CustomerPrincipal;
import o2o.mallguide.MallCartOrder.TenantOrder;
import o2o.mallguide.persistence.MallCartOrders;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.orders.Channel;
import o2o.orders.OrderGroup;
import o2o.orders.Orders;
import o2o.payments.Payment;
import o2o.pickup.CartLine;
import o2o.pickup.PickupRequest;
import o2o.pickup.Pickups;
import o2o.shared.InvalidInput;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One cart across a mall's tenants: checked out as one order per tenant — a pick-up order at its counter, or a
 * delivery order from it to one address, each priced, zoned and fee'd by that tenant as any such order is — gathered
 * into one order group the customer pays once, to the mall.
 */
@Service
public class MallCarts {

    static final int MAX_LINES = 30;
    static final int MAX_TENANTS = 8;

    private final Malls malls;
    private final Pickups pickups;
    private final Deliveries deliveries;
    private final Orders orders;
    private final MallCartOrders carts;
    private final Clock clock;

    MallCarts(Malls malls, Pickups pickups, Deliveries deliveries, Orders orders, MallCartOrders carts, Clock clock) {
        this.malls = malls;
        this.pickups = pickups;
        this.deliveries = deliveries;
        this.orders = orders;
        this.carts = carts;
        this.clock = clock;
    }

    /**
     * Prices every line again at its tenant (never a price the client sent) and places one order per tenant, all in
     * this transaction, gathered into one group paid to the mall: all or nothing. Picked up, every order is for the
     * same time; delivered, each tenant delivers to the same address from its own zones, at its own fee and minimum.
     *
     * @throws Problem 404 for an unknown mall, or a store that is not one of its tenants; 409
     *     {@code mall-cart-price-changed} when a line's price is not what the page showed; pick-up's 409s
     *     ({@code menu-item-sold-out}, {@code pickup-time-unavailable}, …) or delivery's 422s and 409s
     *     ({@code outside-delivery-zone}, {@code delivery-below-minimum}, {@code delivery-fee-changed}, …) naming
     *     the tenant's store; 400 for bad input
     */
    @Transactional
    public MallCartOrder checkout(CustomerPrincipal customer, MallId mallId, List<MallCartLine> lines,
            MallCartFulfilment fulfilment) {
        var mall = malls.find(mallId).orElseThrow(() -> Problem.notFound("mall"));
        if (lines.isEmpty()) throw new InvalidInput("lines", "the cart is empty");
        if (lines.size() > MAX_LINES) throw new InvalidInput("lines", "at most " + MAX_LINES + " lines");
        var byStore = new LinkedHashMap<StoreId, List<MallCartLine>>();
        for (var line : lines) byStore.computeIfAbsent(line.storeId(), s -> new ArrayList<>()).add(line);
        if (byStore.size() > MAX_TENANTS) throw new InvalidInput("lines", "at most " + MAX_TENANTS + " stores");
        for (var store : byStore.keySet()) requireTenant(mall, store);
        var placed = new ArrayList<TenantOrder>();
        for (var entry : byStore.entrySet()) {
            var order = placeAt(customer, entry.getKey(), entry.getValue(), fulfilment);
            requireShownPrices(entry.getValue(), order);
            placed.add(order);
        }
        var group = orders.group(customer.id(), mall.owner(), mall.name(),
                placed.stream().map(p -> new OrderId(p.orderId())).toList());
        carts.insert(group.id(), mall.id().value(), customer.id().value(), clock.instant());
        return new MallCartOrder(mall, group, placed);
    }

    /** The customer's checked-out cart; anybody else's, or one of another mall, is "not found". */
    @Transactional(readOnly = true)
    public MallCartOrder ofCustomer(CustomerPrincipal customer, MallId mallId, UUID groupId) {
        var group = orders.groupOf(customer, groupId);
        var mall = carts.mallOf(group.id()).filter(m -> m.equals(mallId.value())).flatMap(m -> malls.find(mallId))
                .orElseThrow(() -> Problem.notFound("order group"));
        return new MallCartOrder(mall, group, tenantOrdersOf(customer, group));
    }

    /** The customer's checked-out cart, whichever mall it was in. */
    @Transactional(readOnly = true)
    public MallCartOrder ofCustomer(CustomerPrincipal customer, UUID groupId) {
        var group = orders.groupOf(customer, groupId);
        var mall = carts.mallOf(group.id()).flatMap(m -> malls.find(new MallId(m)))
                .orElseThrow(() -> Problem.notFound("order group"));
        return new MallCartOrder(mall, group, tenantOrdersOf(customer, group));
    }

    /** Starts (or resumes) the cart's one payment; the provider sends the customer back to the cart's page. */
    @Transactional
    public Payment pay(CustomerPrincipal customer, UUID groupId, String provider) {
        var cart = ofCustomer(customer, groupId);
        return orders.payGroup(customer, cart.group().id(), provider, "/me/mall-orders/" + groupId);
    }

    /** A tenant's refusal names the tenant's store ({@code storeId}), so the page or app shows whose it is. */
    private TenantOrder placeAt(CustomerPrincipal customer, StoreId store, List<MallCartLine> lines,
            MallCartFulfilment fulfilment) {
        try {
            return place(customer, store, lines, fulfilment);
        } catch (Problem problem) {
            if (problem.getClass() != Problem.class) throw problem;
            var properties = new HashMap<String, Object>(problem.properties());
            properties.put("storeId", store.value());
            throw new Problem(problem.status(), problem.slug(), problem.getMessage(), properties, problem.args());
        }
    }

    private TenantOrder place(CustomerPrincipal customer, StoreId store, List<MallCartLine> lines,
            MallCartFulfilment fulfilment) {
        return switch (fulfilment) {
            case MallCartFulfilment.PickUp pickUp -> TenantOrder.of(pickups.place(customer, store.value(),
                    new PickupRequest(lines.stream().map(l -> new CartLine(l.itemId(), l.optionIds(), l.quantity()))
                            .toList(), pickUp.at(), "", null, 0)));
            case MallCartFulfilment.Deliver deliver -> TenantOrder.of(deliveries.place(customer, store.value(),
                    new DeliveryRequest(lines.stream().map(l -> new DeliveryRequest.Line(l.itemId(), l.optionIds(),
                            l.quantity())).toList(), deliver.addressId(), deliver.destination(), deliver.note(), null,
                            0, deliver.shownFees().get(store))));
        };
    }

    private List<TenantOrder> tenantOrdersOf(CustomerPrincipal customer, OrderGroup group) {
        return orders.ordersOf(group).stream().map(o -> o.channel() == Channel.DELIVERY
                ? TenantOrder.of(deliveries.ofCustomer(customer, o.id().value()))
                : TenantOrder.of(pickups.ofCustomer(customer, o.id().value()))).toList();
    }

    private void requireTenant(Mall mall, StoreId store) {
        malls.tenant(store).filter(t -> t.mall().equals(mall.id()))
                .orElseThrow(() -> Problem.notFound("store"));
    }

    /** The dishes come first in each tenant's order, in the cart's order (a delivery fee, if any, after them). */
    private static void requireShownPrices(List<MallCartLine> lines, TenantOrder order) {
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

package o2o.pickup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.catalog.PricedLine;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.payments.Payment;
import o2o.pickup.persistence.PickupOrders;
import o2o.pickup.persistence.PickupOrders.PickupRow;
import o2o.pickup.persistence.PreparationTimes;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Every move of a pick-up order is one conditional update on its status, so a repeated or stale
 * click (two staff, two taps) moves it once; the store's number of the day comes from one upsert of its counter row.
 */
@Service
public class Pickups {

    static final int DEFAULT_PREPARATION_MINUTES = 15;
    /** Who may refund a pick-up order at the counter. */
    private static final Set<Role> REFUNDERS = EnumSet.of(Role.OWNER, Role.MANAGER, Role.CASHIER);

    private final PickupOrders pickups;
    private final PreparationTimes preparationTimes;
    private final Stores stores;
    private final Menu menu;
    private final Orders orders;
    private final PickupNotices notices;
    private final Clock clock;

    Pickups(PickupOrders pickups, PreparationTimes preparationTimes, Stores stores, Menu menu, Orders orders,
            PickupNotices notices, Clock clock) {
        this.pickups = pickups;
        this.preparationTimes = preparationTimes;
        this.stores = stores;
        this.menu = menu;
        this.orders = orders;
        this.notices = notices;
        this.clock = clock;
    }

    // --- the customer

    /**
     * Prices every line at the store (never a price the client sent), checks the pick-up time, and places a PICKUP
     * order waiting for payment.
     *
     * @throws Problem 404 for an unknown or unlisted store; 409 {@code pickup-store-closed}, {@code
     *     pickup-time-unavailable}, {@code menu-item-sold-out}, {@code menu-item-unavailable}; 400 for bad input
     */
    @Transactional
    public PickupOrder place(CustomerPrincipal customer, UUID storeId, PickupRequest request) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var now = clock.instant();
        var pickupAt = window(store, now).pickupAt(request.pickupTime());
        var lines = new ArrayList<NewOrder.Line>();
        for (var priced : price(storeId, request.lines())) {
            lines.add(new NewOrder.Line(LineKind.DISH, priced.itemId(), title(priced), priced.unitPrice(), priced.quantity(),
                    priced.amount()));
        }
        var currency = lines.getFirst().amount().currency();
        if (lines.stream().anyMatch(l -> !l.amount().currency().equals(currency))) {
            throw new InvalidInput("lines", "dishes priced in different currencies");
        }
        var order = orders.place(new NewOrder(new MerchantId(store.merchantId()), new StoreId(store.id()),
                customer.id(), Channel.PICKUP, lines, Money.zero(currency), request.couponId(), request.pointsToUse()));
        pickups.insert(order.id().value(), store.merchantId(), store.id(), request.pickupTime() == null, pickupAt,
                request.note(), now);
        return find(order.id().value()).orElseThrow();
    }

    /** Prices lines at a store as the order would be priced now (the page's cart shows these). */
    @Transactional(readOnly = true)
    public List<PricedLine> price(UUID storeId, List<CartLine> lines) {
        return menu.price(new StoreId(storeId), lines.stream()
                .map(l -> new Menu.Wanted(l.itemId(), l.optionIds(), l.quantity())).toList());
    }

    /**
     * Prices each cart line on its own, so a line that cannot be ordered any more shows its problem beside the others'
     * prices. Not transactional on purpose: each line is read in its own transaction, and a failing line rolls back
     * only its own.
     */
    public List<CartLinePrice> priceEach(UUID storeId, List<CartLine> lines) {
        var store = new StoreId(storeId);
        var prices = new ArrayList<CartLinePrice>();
        for (var line : lines) {
            try {
                prices.add(new CartLinePrice.Priced(line,
                        menu.price(store, line.itemId(), line.optionIds(), line.quantity())));
            } catch (Problem problem) {
                prices.add(new CartLinePrice.Unpriceable(line, problem));
            }
        }
        return prices;
    }

    /** Starts paying an unpaid pick-up order; the provider sends the customer back to the order's page. */
    @Transactional
    public Payment pay(CustomerPrincipal customer, UUID orderId, String provider) {
        if (!Orders.PAYABLE_BY.contains(provider)) throw new InvalidInput("provider", "online, a gateway or wallet");
        var pickup = ofCustomer(customer, orderId);
        return orders.pay(customer, pickup.orderId(), provider, "/me/pickups/" + orderId);
    }

    /** Cancels an unpaid pick-up order; 409 {@code order-not-cancellable} once it is paid. */
    @Transactional
    public PickupOrder cancel(CustomerPrincipal customer, UUID orderId) {
        var pickup = ofCustomer(customer, orderId);
        orders.cancel(customer, pickup.orderId());
        cancelled(orderId);
        return find(orderId).orElseThrow();
    }

    /** The customer's own pick-up order; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public PickupOrder ofCustomer(CustomerPrincipal customer, UUID orderId) {
        return find(orderId).filter(p -> customer.id().equals(p.order().customerId()))
                .orElseThrow(() -> Problem.notFound("pick-up order"));
    }

    /** The customer's pick-up orders, newest first. */
    @Transactional(readOnly = true)
    public List<PickupOrder> ofCustomer(CustomerPrincipal customer) {
        return orders.ofCustomer(customer).stream()
                .filter(o -> o.channel() == Channel.PICKUP)
                .flatMap(o -> find(o.id().value()).stream())
                .toList();
    }

    /** When an order placed now can be collected at this store. */
    @Transactional(readOnly = true)
    public PickupTimes times(UUID storeId) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        return window(store, clock.instant()).times();
    }

    // --- the store's counter

    /** The store's queue: paid and ready orders by pick-up time, or the orders of one status (the latest 200). */
    @Transactional(readOnly = true)
    public List<PickupOrder> queue(StaffPrincipal staff, UUID storeId, @Nullable PickupStatus status) {
        var store = stores.get(staff, storeId);
        var statuses = status == null ? EnumSet.of(PickupStatus.PAID, PickupStatus.READY) : EnumSet.of(status);
        return pickups.queue(store.merchantId(), store.id(), statuses).stream()
                .map(r -> pickupOrder(r, store.name(), orders.find(r.orderId()).orElseThrow()))
                .toList();
    }

    /** One of the store's pick-up orders; another store's or merchant's is "not found". */
    @Transactional(readOnly = true)
    public PickupOrder atStore(StaffPrincipal staff, StoreId storeId, OrderId orderId) {
        var store = stores.get(staff, storeId.value());
        return find(orderId.value())
                .filter(p -> p.merchantId().equals(store.merchantId()) && p.storeId().equals(store.id()))
                .orElseThrow(() -> Problem.notFound("pick-up order"));
    }

    /** PAID → READY, and the customer is told to come; 409 when it is not waiting to be made ready. */
    @Transactional
    public PickupOrder markReady(StaffPrincipal staff, StoreId storeId, OrderId orderId) {
        var before = move(atStore(staff, storeId, orderId), PickupStatus.READY);
        var customer = before.order().customerId();
        if (customer != null && before.number() != null) {
            notices.ready(customer.value(), before.storeName(), before.number());
        }
        return find(orderId.value()).orElseThrow();
    }

    /** PAID or READY → HANDED_OVER, and the order is completed; 409 when it was handed over or refunded already. */
    @Transactional
    public PickupOrder handOver(StaffPrincipal staff, StoreId storeId, OrderId orderId) {
        move(atStore(staff, storeId, orderId), PickupStatus.HANDED_OVER);
        orders.complete(orderId.value());
        return find(orderId.value()).orElseThrow();
    }

    /**
     * Gives a paid order not yet handed over back in full (to the card, gateway or stored value it was paid with); its
     * number is retired, not given again. Owners, managers and cashiers only.
     */
    @Transactional
    public PickupOrder refund(StaffPrincipal staff, StoreId storeId, OrderId refunded) {
        var orderId = refunded.value();
        var before = atStore(staff, storeId, refunded);
        if (!REFUNDERS.contains(staff.role())) throw Problem.forbidden("only owners, managers and cashiers refund");
        move(before, PickupStatus.REFUNDED);
        var order = orders.find(orderId).orElseThrow();
        orders.refund(orderId, order.total().minus(order.refunded()), "pickup:" + orderId + ":refund");
        var customer = order.customerId();
        if (customer != null && before.number() != null) {
            notices.refunded(customer.value(), before.storeName(), before.number());
        }
        return find(orderId).orElseThrow();
    }

    /** How many minutes ahead the store needs an order (15 unless set). */
    @Transactional(readOnly = true)
    public int preparationMinutes(StaffPrincipal staff, UUID storeId) {
        return (int) preparation(stores.get(staff, storeId)).toMinutes();
    }

    @Transactional
    public int setPreparationMinutes(StaffPrincipal staff, UUID storeId, int minutes) {
        var store = stores.get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers set the preparation time");
        if (minutes < 0 || minutes > 240) throw new InvalidInput("preparationMinutes", "between 0 and 240");
        preparationTimes.save(store.merchantId(), store.id(), minutes, clock.instant());
        return minutes;
    }

    // --- reactions to the order (package-private: for the listeners)

    /** The order was cancelled unpaid (by the customer, or its time to pay ran out). */
    @Transactional
    void cancelled(UUID orderId) {
        pickups.cancel(orderId);
    }

    // --- inside

    Optional<PickupOrder> find(UUID orderId) {
        return pickups.find(orderId).map(r -> pickupOrder(r, stores.find(r.storeId()).map(Store::name).orElse(""),
                orders.find(r.orderId()).orElseThrow()));
    }

    /** The move at the counter if the order may make it, decided by one conditional update; 409 when it may not. */
    private PickupOrder move(PickupOrder before, PickupStatus to) {
        if (!before.status().canBecome(to)) throw notInStatus(before.status());
        if (!pickups.moveAtStore(before.orderId(), before.merchantId(), before.storeId(), to, clock.instant())) {
            throw notInStatus(pickups.status(before.orderId()));
        }
        return before;
    }

    private PickupWindow window(Store store, Instant now) {
        return new PickupWindow(store, preparation(store), now);
    }

    private Duration preparation(Store store) {
        return Duration.ofMinutes(preparationTimes.minutes(store.merchantId(), store.id())
                .orElse(DEFAULT_PREPARATION_MINUTES));
    }

    private static Problem notInStatus(PickupStatus now) {
        return new Problem(HttpStatus.CONFLICT, "pickup-status-conflict", "this pick-up order is " + now, now.name());
    }

    private static String title(PricedLine line) {
        return line.options().isEmpty() ? line.name() : line.name() + "（" + String.join("、", line.options()) + "）";
    }

    private static PickupOrder pickupOrder(PickupRow row, String storeName, Order order) {
        return new PickupOrder(row.orderId(), row.merchantId(), row.storeId(), storeName, row.status(), row.asap(),
                row.pickupAt(), row.note(), row.number(), row.numberDay(), row.placedAt(), row.paidAt(),
                row.readyAt(), row.handedOverAt(), order);
    }
}

package o2o.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.catalog.PricedLine;
import o2o.delivery.persistence.AddressRows;
import o2o.delivery.persistence.CourierRows;
import o2o.delivery.persistence.DeliveryHistory;
import o2o.delivery.persistence.DeliveryRows;
import o2o.identity.CustomerPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.payments.Payment;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of delivery: what delivering to a point costs and takes, and placing, paying, following and
 * cancelling an order. The zone, fee, minimum and promise are worked out from the address's coordinates when the
 * order is placed, whatever a page showed before.
 */
@Service
public class Deliveries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeliveryZones zones;
    private final DeliveryRows rows;
    private final DeliveryHistory history;
    private final AddressRows addresses;
    private final CourierRows couriers;
    private final CourierProviders providers;
    private final DeliveryEnds ends;
    private final Stores stores;
    private final Menu menu;
    private final Orders orders;
    private final Clock clock;

    Deliveries(DeliveryZones zones, DeliveryRows rows, DeliveryHistory history, AddressRows addresses,
            CourierRows couriers, CourierProviders providers, DeliveryEnds ends, Stores stores, Menu menu,
            Orders orders, Clock clock) {
        this.zones = zones;
        this.rows = rows;
        this.history = history;
        this.addresses = addresses;
        this.couriers = couriers;
        this.providers = providers;
        this.ends = ends;
        this.stores = stores;
        this.menu = menu;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * What delivering goods worth {@code subtotal} to {@code point} costs and takes now.
     *
     * @throws Problem 404 for an unknown store; 422 {@code outside-delivery-zone}; 409 {@code delivery-closed}
     */
    @Transactional(readOnly = true)
    public Quote quote(UUID storeId, GeoPoint point, Money subtotal) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        return quote(store, point, subtotal);
    }

    /**
     * Places a DELIVERY order waiting for payment: every dish priced at the store, the fee as a line of its own.
     *
     * @throws Problem 404 for an unknown store or address; 422 {@code outside-delivery-zone} or {@code
     *     delivery-below-minimum}; 409 {@code delivery-closed}, {@code delivery-fee-changed} (the fee shown is not
     *     the fee now), {@code menu-item-sold-out}, {@code menu-item-unavailable}
     */
    @Transactional
    public DeliveryOrder place(CustomerPrincipal customer, UUID storeId, DeliveryRequest request) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var to = destination(customer, request);
        if (request.lines().isEmpty()) throw new InvalidInput("lines", "at least one");
        if (request.note().length() > 200) throw new InvalidInput("note", "at most 200 characters");
        var lines = new ArrayList<NewOrder.Line>();
        var storeRef = new StoreId(store.id());
        for (var line : request.lines()) {
            var priced = menu.price(storeRef, line.itemId(), line.optionIds(), line.quantity());
            lines.add(new NewOrder.Line(LineKind.DISH, priced.itemId(), title(priced), priced.unitPrice(),
                    priced.quantity(), priced.amount()));
        }
        var goods = Money.zero(lines.getFirst().amount().currency());
        for (var line : lines) {
            if (!line.amount().currency().equals(goods.currency())) {
                throw new InvalidInput("lines", "dishes priced in different currencies");
            }
            goods = goods.plus(line.amount());
        }
        var quote = quote(store, to.point(), goods);
        if (!quote.meetsMinimum()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "delivery-below-minimum",
                    "the least this store delivers is " + quote.minimum(),
                    Map.of("minimum", quote.minimum()), quote.minimum().decimal());
        }
        if (request.shownFee() != null && !request.shownFee().equals(quote.fee())) {
            throw new Problem(HttpStatus.CONFLICT, "delivery-fee-changed",
                    "the delivery fee to this address is now " + quote.fee(), Map.of("fee", quote.fee()),
                    quote.fee().decimal());
        }
        if (!quote.fee().isZero()) {
            lines.add(new NewOrder.Line(LineKind.DELIVERY_FEE, quote.zoneId(), "配送费", quote.fee(), 1, quote.fee()));
        }
        var order = orders.place(new NewOrder(new MerchantId(store.merchantId()), storeRef, customer.id(),
                Channel.DELIVERY, lines, Money.zero(goods.currency()), request.couponId(), request.pointsToUse()));
        var settings = zones.of(store.id()).settings();
        var now = clock.instant();
        var delivery = new Delivery(order.id(), order.merchantId(), storeRef, customer.id(), quote.zoneId(),
                DeliveryStatus.CREATED, to, quote.distanceMeters(), quote.fee(), settings.ownCouriers()
                        ? settings.ownCost() : Money.zero(goods.currency()), quote.promise().minutes(), null,
                code(), request.note().strip(), settings.provider(), null, null, null, now, null, null, null, null,
                null, null, null, null);
        rows.insert(delivery);
        history.record(order.id().value(), store.merchantId(), DeliveryStatus.CREATED, "placed", null,
                "customer", now);
        return find(order.id().value());
    }

    /** Starts paying an unpaid delivery order; the provider sends the customer back to the order's page. */
    @Transactional
    public Payment pay(CustomerPrincipal customer, UUID orderId, String provider) {
        if (!Orders.PAYABLE_BY.contains(provider)) throw new InvalidInput("provider", "online, a gateway or wallet");
        var delivery = ofCustomer(customer, orderId);
        return orders.pay(customer, delivery.orderId().value(), provider, "/me/deliveries/" + orderId);
    }

    /**
     * The customer cancels: unpaid, the order is cancelled; paid and not yet accepted by the store, it is cancelled and
     * refunded in full. Once the store has accepted, only the store cancels (409 {@code delivery-status-conflict}).
     */
    @Transactional
    public DeliveryOrder cancel(CustomerPrincipal customer, UUID orderId) {
        var delivery = ofCustomer(customer, orderId).delivery();
        if (delivery.status() != DeliveryStatus.CREATED) throw delivery.statusConflict();
        if (!delivery.paid()) {
            orders.cancel(customer, orderId);
            ends.cancelUnpaid(delivery.orderId(), "customer");
        } else {
            ends.end(delivery, DeliveryStatus.CANCELLED, "cancelled by the customer", "customer");
        }
        return find(orderId);
    }

    /** The customer's own delivery order; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public DeliveryOrder ofCustomer(CustomerPrincipal customer, UUID orderId) {
        return rows.find(orderId).filter(d -> d.customerId().equals(customer.id()))
                .map(this::withOrder)
                .orElseThrow(() -> Problem.notFound("delivery order"));
    }

    /** The customer's delivery orders, newest first (the latest 50). */
    @Transactional(readOnly = true)
    public List<DeliveryOrder> ofCustomer(CustomerPrincipal customer) {
        return rows.ofCustomer(customer.id().value(), 50).stream().map(this::withOrder).toList();
    }

    // --- reactions (package-private: for the listeners)

    /** The order was paid: the promise starts counting. */
    @Transactional
    void paid(OrderId orderId, java.time.Instant at) {
        var delivery = rows.find(orderId.value()).orElse(null);
        if (delivery == null) return;
        var promisedAt = at.plus(Duration.ofMinutes(delivery.promisedMinutes()));
        if (rows.paid(orderId.value(), promisedAt, at)) {
            history.record(orderId.value(), delivery.merchantId().value(), DeliveryStatus.CREATED, "paid", null,
                    "customer", at);
        }
    }

    // --- inside

    DeliveryOrder find(UUID orderId) {
        return withOrder(rows.find(orderId).orElseThrow());
    }

    /** A delivery already read, with its order, store name and history. */
    DeliveryOrder withOrder(Delivery delivery) {
        var order = orders.find(delivery.orderId().value()).orElseThrow();
        var store = stores.find(delivery.storeId().value()).map(Store::name).orElse("");
        return new DeliveryOrder(delivery, order, store, history.of(delivery.orderId().value()));
    }

    private Quote quote(Store store, GeoPoint point, Money subtotal) {
        var setup = zones.of(store.id());
        var now = clock.instant();
        var zone = setup.serving(store, point, now);
        int meters = (int) Math.round(Distance.meters(store.location(), point));
        var load = rows.load(store.id());
        var settings = setup.settings();
        int courierMinutes = settings.ownCouriers()
                ? (couriers.anyFree(store.merchantId()) ? Promise.FREE_COURIER_MINUTES : Promise.BUSY_COURIER_MINUTES)
                : providers.find(settings.provider()).map(CourierProvider::courierMinutes)
                        .orElse(Promise.BUSY_COURIER_MINUTES);
        var promise = Promise.of(settings, meters, load.queued(), load.open(), courierMinutes);
        return new Quote(zone.id(), zone.name(), meters, zone.fee().at(meters), zone.minimum(),
                subtotal.compareTo(zone.minimum()) >= 0, promise);
    }

    private Delivery.Destination destination(CustomerPrincipal customer, DeliveryRequest request) {
        if (request.addressId() != null) {
            return addresses.find(customer.id(), request.addressId())
                    .orElseThrow(() -> Problem.notFound("address")).destination();
        }
        if (request.destination() == null) throw new InvalidInput("address", "an address from the book, or one");
        var given = request.destination();
        // checked as a book entry is
        return new Address(UUID.randomUUID(), customer.id(), "-", given.contact(), given.phone(), given.address(),
                given.point()).destination();
    }

    private static String code() {
        return "%04d".formatted(RANDOM.nextInt(10_000));
    }

    private static String title(PricedLine line) {
        return line.options().isEmpty() ? line.name() : line.name() + "（" + String.join("、", line.options()) + "）";
    }
}

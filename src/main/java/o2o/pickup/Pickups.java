package o2o.pickup;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.catalog.PricedLine;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.payments.Payment;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final String COLUMNS = """
            order_id, merchant_id, store_id, status, asap, pickup_at, note, number, number_day, placed_at, paid_at,
            ready_at, handed_over_at
            """;

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Menu menu;
    private final Orders orders;
    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    Pickups(JdbcClient jdbc, Stores stores, Menu menu, Orders orders, Customers customers,
            Notifications notifications, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.menu = menu;
        this.orders = orders;
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
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
        var pickupAt = pickupAt(store, request.pickupTime(), now);
        var lines = new ArrayList<NewOrder.Line>();
        for (var priced : price(storeId, request.lines())) {
            lines.add(new NewOrder.Line(LineKind.DISH, priced.itemId(), title(priced), priced.unitPrice(), priced.quantity(),
                    priced.amount()));
        }
        var currency = lines.getFirst().amount().currency();
        if (lines.stream().anyMatch(l -> !l.amount().currency().equals(currency))) {
            throw new InvalidInput("lines", "dishes priced in different currencies");
        }
        var order = orders.place(new NewOrder(store.merchantId(), store.id(), customer.customerId(), Channel.PICKUP,
                lines, Money.zero(currency), request.couponId(), request.pointsToUse()));
        jdbc.sql("""
                        insert into pickup_order (order_id, merchant_id, store_id, status, asap, pickup_at, note,
                                                  placed_at)
                        values (:order, :merchant, :store, 'AWAITING_PAYMENT', :asap, :pickupAt, :note, :now)
                        """)
                .param("order", order.id())
                .param("merchant", store.merchantId())
                .param("store", store.id())
                .param("asap", request.pickupTime() == null)
                .param("pickupAt", utc(pickupAt))
                .param("note", request.note())
                .param("now", utc(now))
                .update();
        return find(order.id()).orElseThrow();
    }

    /** Prices lines at a store as the order would be priced now (the page's cart shows these). */
    @Transactional(readOnly = true)
    public List<PricedLine> price(UUID storeId, List<CartLine> lines) {
        return lines.stream().map(l -> menu.price(storeId, l.itemId(), l.optionIds(), l.quantity())).toList();
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
        return find(orderId).filter(p -> customer.customerId().equals(p.order().customerId()))
                .orElseThrow(() -> Problem.notFound("pick-up order"));
    }

    /** The customer's pick-up orders, newest first. */
    @Transactional(readOnly = true)
    public List<PickupOrder> ofCustomer(CustomerPrincipal customer) {
        return orders.ofCustomer(customer).stream()
                .filter(o -> o.channel() == Channel.PICKUP)
                .flatMap(o -> find(o.id()).stream())
                .toList();
    }

    /** When an order placed now can be collected at this store. */
    @Transactional(readOnly = true)
    public PickupTimes times(UUID storeId) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var now = clock.instant();
        var preparation = preparation(store);
        var earliest = now.plus(preparation).atZone(store.timeZone());
        var slots = new ArrayList<LocalTime>();
        var today = now.atZone(store.timeZone()).toLocalDate();
        var slot = earliest.truncatedTo(ChronoUnit.HOURS);
        while (slot.isBefore(earliest)) slot = slot.plusMinutes(15);
        for (; slot.toLocalDate().equals(today); slot = slot.plusMinutes(15)) {
            if (store.isOpenAt(slot.toInstant())) slots.add(slot.toLocalTime());
        }
        return new PickupTimes(store.isOpenAt(now) && store.isOpenAt(earliest.toInstant()), slots,
                (int) preparation.toMinutes(), store.timeZone());
    }

    // --- the store's counter

    /** The store's queue: paid and ready orders by pick-up time, or the orders of one status (the latest 200). */
    @Transactional(readOnly = true)
    public List<PickupOrder> queue(StaffPrincipal staff, UUID storeId, @Nullable PickupStatus status) {
        var store = stores.get(staff, storeId);
        var statuses = status == null ? new String[] {"PAID", "READY"} : new String[] {status.name()};
        return jdbc.sql("select " + COLUMNS + """
                         from pickup_order
                        where merchant_id = :merchant and store_id = :store and status = any(:statuses)
                        order by pickup_at, paid_at nulls last, order_id
                        limit 200
                        """)
                .param("merchant", store.merchantId())
                .param("store", store.id())
                .param("statuses", statuses)
                .query((rs, row) -> row(rs))
                .list()
                .stream().map(r -> r.with(store.name(), orders.find(r.orderId()).orElseThrow()))
                .toList();
    }

    /** One of the store's pick-up orders; another store's or merchant's is "not found". */
    @Transactional(readOnly = true)
    public PickupOrder atStore(StaffPrincipal staff, UUID storeId, UUID orderId) {
        var store = stores.get(staff, storeId);
        return find(orderId).filter(p -> p.merchantId().equals(store.merchantId()) && p.storeId().equals(store.id()))
                .orElseThrow(() -> Problem.notFound("pick-up order"));
    }

    /** PAID → READY, and the customer is told to come; 409 when it is not waiting to be made ready. */
    @Transactional
    public PickupOrder markReady(StaffPrincipal staff, UUID storeId, UUID orderId) {
        var before = atStore(staff, storeId, orderId);
        int moved = jdbc.sql("""
                        update pickup_order set status = 'READY', ready_at = :now
                        where order_id = :order and merchant_id = :merchant and store_id = :store and status = 'PAID'
                        """)
                .param("now", utc(clock.instant()))
                .param("order", orderId)
                .param("merchant", before.merchantId())
                .param("store", before.storeId())
                .update();
        if (moved == 0) throw notInStatus(orderId);
        var customer = before.order().customerId();
        if (customer != null && before.number() != null) {
            tell(customer, MessageKind.PICKUP_READY, "pickup.sms.ready", before.storeName(),
                    PickupOrder.format(before.number()));
        }
        return find(orderId).orElseThrow();
    }

    /** PAID or READY → HANDED_OVER, and the order is completed; 409 when it was handed over or refunded already. */
    @Transactional
    public PickupOrder handOver(StaffPrincipal staff, UUID storeId, UUID orderId) {
        var before = atStore(staff, storeId, orderId);
        int moved = jdbc.sql("""
                        update pickup_order set status = 'HANDED_OVER', handed_over_at = :now
                        where order_id = :order and merchant_id = :merchant and store_id = :store
                          and status in ('PAID', 'READY')
                        """)
                .param("now", utc(clock.instant()))
                .param("order", orderId)
                .param("merchant", before.merchantId())
                .param("store", before.storeId())
                .update();
        if (moved == 0) throw notInStatus(orderId);
        orders.complete(orderId);
        return find(orderId).orElseThrow();
    }

    /**
     * Gives a paid order not yet handed over back in full (to the card, gateway or stored value it was paid with); its
     * number is retired, not given again. Owners, managers and cashiers only.
     */
    @Transactional
    public PickupOrder refund(StaffPrincipal staff, UUID storeId, UUID orderId) {
        var before = atStore(staff, storeId, orderId);
        if (!REFUNDERS.contains(staff.role())) throw Problem.forbidden("only owners, managers and cashiers refund");
        int moved = jdbc.sql("""
                        update pickup_order set status = 'REFUNDED'
                        where order_id = :order and merchant_id = :merchant and store_id = :store
                          and status in ('PAID', 'READY')
                        """)
                .param("order", orderId)
                .param("merchant", before.merchantId())
                .param("store", before.storeId())
                .update();
        if (moved == 0) throw notInStatus(orderId);
        var order = orders.find(orderId).orElseThrow();
        orders.refund(orderId, order.total().minus(order.refunded()), "pickup:" + orderId + ":refund");
        var customer = order.customerId();
        if (customer != null && before.number() != null) {
            tell(customer, MessageKind.PICKUP_REFUNDED, "pickup.sms.refunded", before.storeName(),
                    PickupOrder.format(before.number()));
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
        jdbc.sql("""
                        insert into pickup_settings (store_id, merchant_id, preparation_minutes, updated_at)
                        values (:store, :merchant, :minutes, :now)
                        on conflict (merchant_id, store_id) do update
                            set preparation_minutes = excluded.preparation_minutes, updated_at = excluded.updated_at
                        """)
                .param("store", store.id())
                .param("merchant", store.merchantId())
                .param("minutes", minutes)
                .param("now", utc(clock.instant()))
                .update();
        return minutes;
    }

    // --- reactions to the order (package-private: for the listeners)

    /**
     * The order was paid: AWAITING_PAYMENT → PAID and the store's next number of the (store-local) day. A redelivered
     * event finds the order paid already and changes nothing; false then.
     */
    @Transactional
    boolean numberPaid(UUID orderId, UUID customerId, Instant paidAt) {
        var moved = jdbc.sql("""
                        update pickup_order set status = 'PAID', paid_at = :at
                        where order_id = :order and status = 'AWAITING_PAYMENT'
                        returning merchant_id, store_id
                        """)
                .param("at", utc(paidAt))
                .param("order", orderId)
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional();
        if (moved.isEmpty()) return false;
        var merchantId = moved.get()[0];
        var store = stores.find(moved.get()[1]).orElseThrow();
        var day = paidAt.atZone(store.timeZone()).toLocalDate();
        int number = jdbc.sql("""
                        insert into pickup_number (merchant_id, store_id, day, last) values (:merchant, :store, :day, 1)
                        on conflict (merchant_id, store_id, day) do update set last = pickup_number.last + 1
                        returning last
                        """)
                .param("merchant", merchantId)
                .param("store", store.id())
                .param("day", day)
                .query(Integer.class)
                .single();
        jdbc.sql("update pickup_order set number = :number, number_day = :day where order_id = :order")
                .param("number", number)
                .param("day", day)
                .param("order", orderId)
                .update();
        tell(customerId, MessageKind.PICKUP_NUMBER, "pickup.sms.number", store.name(), PickupOrder.format(number));
        return true;
    }

    /** The order was cancelled unpaid (by the customer, or its time to pay ran out). */
    @Transactional
    void cancelled(UUID orderId) {
        jdbc.sql("update pickup_order set status = 'CANCELLED' where order_id = :order and status = 'AWAITING_PAYMENT'")
                .param("order", orderId)
                .update();
    }

    // --- inside

    Optional<PickupOrder> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from pickup_order where order_id = :order")
                .param("order", orderId)
                .query((rs, row) -> row(rs))
                .optional()
                .map(r -> r.with(stores.find(r.storeId()).map(Store::name).orElse(""),
                        orders.find(r.orderId()).orElseThrow()));
    }

    private Instant pickupAt(Store store, @Nullable LocalTime time, Instant now) {
        var earliest = now.plus(preparation(store));
        if (time == null) {
            if (!store.isOpenAt(now) || !store.isOpenAt(earliest)) {
                throw new Problem(HttpStatus.CONFLICT, "pickup-store-closed",
                        store.name() + " is not taking orders now", store.name());
            }
            return earliest;
        }
        var local = now.atZone(store.timeZone());
        ZonedDateTime at = local.toLocalDate().atTime(time.truncatedTo(ChronoUnit.MINUTES)).atZone(store.timeZone());
        var earliestMinute = earliest.atZone(store.timeZone()).truncatedTo(ChronoUnit.MINUTES);
        if (at.isBefore(earliestMinute)) {
            throw new Problem(HttpStatus.CONFLICT, "pickup-time-unavailable",
                    time + " is too soon: the earliest is " + earliestMinute.toLocalTime(), time.toString());
        }
        if (!store.isOpenAt(at.toInstant())) {
            throw new Problem(HttpStatus.CONFLICT, "pickup-time-unavailable",
                    store.name() + " is not open at " + time, time.toString());
        }
        return at.toInstant();
    }

    private Duration preparation(Store store) {
        return Duration.ofMinutes(jdbc.sql("""
                        select preparation_minutes from pickup_settings
                        where merchant_id = :merchant and store_id = :store
                        """)
                .param("merchant", store.merchantId())
                .param("store", store.id())
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_PREPARATION_MINUTES));
    }

    private Problem notInStatus(UUID orderId) {
        var now = jdbc.sql("select status from pickup_order where order_id = :order")
                .param("order", orderId).query(String.class).single();
        return new Problem(HttpStatus.CONFLICT, "pickup-status-conflict", "this pick-up order is " + now, now);
    }

    private void tell(UUID customerId, MessageKind kind, String key, Object... args) {
        var text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        customers.phoneOf(customerId).ifPresent(phone -> notifications.sms(phone, kind, kind.params(args), text));
        notifications.inApp(customerId, kind, text);
    }

    private static String title(PricedLine line) {
        return line.options().isEmpty() ? line.name() : line.name() + "（" + String.join("、", line.options()) + "）";
    }


    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Row row(ResultSet rs) throws SQLException {
        var number = rs.getObject("number", Integer.class);
        var day = rs.getObject("number_day", LocalDate.class);
        return new Row(rs.getObject("order_id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), PickupStatus.valueOf(rs.getString("status")),
                rs.getBoolean("asap"), instant(rs, "pickup_at"), rs.getString("note"), number, day,
                instant(rs, "placed_at"), instant(rs, "paid_at"), instant(rs, "ready_at"),
                instant(rs, "handed_over_at"));
    }

    private record Row(UUID orderId, UUID merchantId, UUID storeId, PickupStatus status, boolean asap,
            Instant pickupAt, String note, @Nullable Integer number, @Nullable LocalDate numberDay, Instant placedAt,
            @Nullable Instant paidAt, @Nullable Instant readyAt, @Nullable Instant handedOverAt) {

        PickupOrder with(String storeName, Order order) {
            return new PickupOrder(orderId, merchantId, storeId, storeName, status, asap, pickupAt, note, number,
                    numberDay, placedAt, paidAt, readyAt, handedOverAt, order);
        }
    }
}

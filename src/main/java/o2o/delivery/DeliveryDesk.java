package o2o.delivery;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.delivery.persistence.CourierRows;
import o2o.delivery.persistence.DeliveryHistory;
import o2o.delivery.persistence.DeliveryRows;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's side of delivery: the orders coming in (on the kitchen display), accepting them, marking them ready,
 * dispatch (who carries what), cancelling. Another merchant's or store's order is "not found".
 */
@Service
public class DeliveryDesk {

    /** Who works the incoming orders: the kitchen, the counter, managers and owners. */
    static final Set<Role> DESK = EnumSet.of(Role.OWNER, Role.MANAGER, Role.CASHIER, Role.KITCHEN, Role.WAITER);
    static final Set<DeliveryStatus> ACTIVE = EnumSet.of(DeliveryStatus.CREATED, DeliveryStatus.ACCEPTED,
            DeliveryStatus.COURIER_ASSIGNED, DeliveryStatus.PICKED_UP);

    private final DeliveryRows rows;
    private final DeliveryHistory history;
    private final CourierRows couriers;
    private final DeliveryMoves moves;
    private final DeliveryEnds ends;
    private final Dispatch dispatch;
    private final Deliveries deliveries;
    private final Stores stores;
    private final StaffAccounts staff;
    private final Clock clock;

    DeliveryDesk(DeliveryRows rows, DeliveryHistory history, CourierRows couriers, DeliveryMoves moves,
            DeliveryEnds ends, Dispatch dispatch, Deliveries deliveries, Stores stores, StaffAccounts staff,
            Clock clock) {
        this.rows = rows;
        this.history = history;
        this.couriers = couriers;
        this.moves = moves;
        this.ends = ends;
        this.dispatch = dispatch;
        this.deliveries = deliveries;
        this.stores = stores;
        this.staff = staff;
        this.clock = clock;
    }

    /** The store's paid orders still under way (or those of one state, the latest 200), oldest first. */
    @Transactional(readOnly = true)
    public List<DeliveryOrder> orders(StaffPrincipal who, UUID storeId, @Nullable DeliveryStatus status) {
        var store = desk(who, storeId);
        var statuses = status == null ? ACTIVE : EnumSet.of(status);
        return rows.atStore(store.merchantId(), store.id(), statuses).stream()
                .map(deliveries::withOrder).toList();
    }

    @Transactional(readOnly = true)
    public DeliveryOrder order(StaffPrincipal who, StoreId storeId, OrderId orderId) {
        var store = desk(who, storeId.value());
        return deliveries.withOrder(atStore(store, orderId));
    }

    /** CREATED and paid → ACCEPTED, and the customer is told when to expect it. */
    @Transactional
    public DeliveryOrder accept(StaffPrincipal who, StoreId storeId, OrderId orderId) {
        var store = desk(who, storeId.value());
        moves.accept(atStore(store, orderId), who.username());
        return deliveries.find(orderId.value());
    }

    /** The kitchen has it ready for the courier; 409 when it is not accepted or was marked ready already. */
    @Transactional
    public DeliveryOrder ready(StaffPrincipal who, StoreId storeId, OrderId orderId) {
        var store = desk(who, storeId.value());
        var d = atStore(store, orderId);
        if (!rows.ready(d.orderId().value(), store.merchantId(), clock.instant())) throw d.statusConflict();
        history.record(d.orderId().value(), store.merchantId(), d.status(), "ready", null, who.username(),
                clock.instant());
        return deliveries.find(orderId.value());
    }

    /** A manager gives the order to one of the merchant's couriers (first time or again); the history keeps both. */
    @Transactional
    public DeliveryOrder assign(StaffPrincipal who, StoreId storeId, OrderId orderId, UUID courierId) {
        var store = managed(who, storeId.value());
        var d = atStore(store, orderId);
        if (!d.provider().equals(DeliverySettings.OWN)) {
            throw Problem.conflict("delivery-by-provider", "a courier provider carries this order");
        }
        var courier = staff.find(new MerchantId(store.merchantId()), courierId)
                .filter(s -> s.role() == Role.COURIER && s.enabled()
                        && (s.storeIds().isEmpty() || s.storeIds().contains(store.id())))
                .orElseThrow(() -> Problem.notFound("courier"));
        moves.reassign(d, new Delivery.Courier(courier.id(), courier.displayName()), who.username());
        return deliveries.find(orderId.value());
    }

    /** Cancels an order before it leaves, refunded in full; owners and managers only. */
    @Transactional
    public DeliveryOrder cancel(StaffPrincipal who, StoreId storeId, OrderId orderId) {
        var store = managed(who, storeId.value());
        var d = atStore(store, orderId);
        if (!d.paid()) throw d.statusConflict();
        d.requireCancellable();
        ends.end(d, DeliveryStatus.CANCELLED, "cancelled by the store", who.username());
        return deliveries.find(orderId.value());
    }

    /** Who should carry what: the nearest free courier for each waiting order, nearby orders batched. */
    @Transactional(readOnly = true)
    public List<Dispatch.Suggestion> suggestions(StaffPrincipal who, UUID storeId) {
        var store = desk(who, storeId);
        var waiting = rows.unassigned(store.merchantId(), List.of(store.id()), 100);
        return dispatch.suggest(store, waiting, couriers.onShift(store.merchantId()));
    }

    /** The merchant's couriers on shift, for the manager's dispatch board. */
    @Transactional(readOnly = true)
    public List<CourierOnShift> couriers(StaffPrincipal who, UUID storeId) {
        var store = desk(who, storeId);
        return couriers.onShift(store.merchantId());
    }

    private Delivery atStore(Store store, OrderId orderId) {
        return rows.find(orderId.value())
                .filter(d -> d.merchantId().value().equals(store.merchantId())
                        && d.storeId().value().equals(store.id()))
                .orElseThrow(() -> Problem.notFound("delivery order"));
    }

    private Store desk(StaffPrincipal who, UUID storeId) {
        var store = stores.get(who, storeId);
        if (!DESK.contains(who.role())) throw Problem.forbidden("the store's desk takes delivery orders");
        return store;
    }

    private Store managed(StaffPrincipal who, UUID storeId) {
        var store = stores.get(who, storeId);
        if (!who.role().manages()) throw Problem.forbidden("only owners and managers dispatch and cancel");
        return store;
    }
}

package o2o.delivery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.delivery.Delivery.Courier;
import o2o.delivery.Delivery.Trouble;
import o2o.delivery.persistence.CourierRows;
import o2o.delivery.persistence.DeliveryHistory;
import o2o.delivery.persistence.DeliveryRows;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffMember;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courier's side: going on and off shift, the offers of accepted orders at their stores (nearby orders in
 * batches), taking one (one courier per order), picking it up, handing it over with the customer's code, reporting
 * trouble or bringing it back, and where they are while on a delivery.
 */
@Service
public class Couriers {

    private final CourierRows couriers;
    private final DeliveryRows rows;
    private final DeliveryHistory history;
    private final DeliveryMoves moves;
    private final DeliveryEnds ends;
    private final DeliveryNotices notices;
    private final Deliveries deliveries;
    private final Stores stores;
    private final StaffAccounts staff;
    private final Clock clock;

    Couriers(CourierRows couriers, DeliveryRows rows, DeliveryHistory history, DeliveryMoves moves, DeliveryEnds ends,
            DeliveryNotices notices, Deliveries deliveries, Stores stores, StaffAccounts staff, Clock clock) {
        this.couriers = couriers;
        this.rows = rows;
        this.history = history;
        this.moves = moves;
        this.ends = ends;
        this.notices = notices;
        this.deliveries = deliveries;
        this.stores = stores;
        this.staff = staff;
        this.clock = clock;
    }

    /** A courier's screen: on shift or not, what they carry, and the offers waiting (only while on shift). */
    public record Shift(boolean onShift, List<DeliveryOrder> carrying, List<List<DeliveryOrder>> offers) {}

    @Transactional(readOnly = true)
    public Shift shift(StaffPrincipal courier) {
        var merchant = merchantOf(courier);
        var me = couriers.find(merchant, courier.staffId());
        boolean onShift = me.map(CourierOnShift::onShift).orElse(false);
        var carrying = rows.ofCourier(merchant, courier.staffId()).stream()
                .map(deliveries::withOrder).toList();
        List<List<DeliveryOrder>> offers = List.of();
        if (onShift) {
            var storeIds = stores.visibleTo(courier).stream().map(Store::id).toList();
            offers = Dispatch.batches(rows.unassigned(merchant, storeIds, 30)).stream()
                    .map(batch -> batch.stream().map(deliveries::withOrder).toList())
                    .toList();
        }
        return new Shift(onShift, carrying, offers);
    }

    /** Goes on or off shift; off shift, no offers come (what they carry stays theirs). */
    @Transactional
    public Shift goOnShift(StaffPrincipal courier, boolean onShift) {
        var merchant = merchantOf(courier);
        var name = staff.find(new MerchantId(merchant), courier.staffId()).map(StaffMember::displayName)
                .orElse(courier.username());
        couriers.shift(merchant, courier.staffId(), name, onShift, clock.instant());
        return shift(courier);
    }

    /** Takes an offered order; when another courier was faster, 409 {@code delivery-taken}. */
    @Transactional
    public DeliveryOrder accept(StaffPrincipal courier, OrderId orderId) {
        var d = mine(courier, orderId);
        var me = couriers.find(d.merchantId().value(), courier.staffId()).filter(CourierOnShift::onShift)
                .orElseThrow(() -> Problem.conflict("courier-off-shift", "go on shift to take orders"));
        moves.assign(d, new Courier(courier.staffId(), me.name()), courier.username());
        return deliveries.find(orderId.value());
    }

    @Transactional
    public DeliveryOrder pickedUp(StaffPrincipal courier, OrderId orderId) {
        moves.pickUp(mine(courier, orderId), courier.staffId());
        return deliveries.find(orderId.value());
    }

    /** Hands the order over; the customer's 4-digit code proves it (422 {@code delivery-code-wrong}). */
    @Transactional
    public DeliveryOrder delivered(StaffPrincipal courier, OrderId orderId, String code) {
        moves.deliver(mine(courier, orderId), courier.staffId(), code);
        return deliveries.find(orderId.value());
    }

    /** Reports trouble on the way; the customer is told when they cannot be reached. */
    @Transactional
    public DeliveryOrder trouble(StaffPrincipal courier, OrderId orderId, Trouble trouble) {
        var d = mine(courier, orderId);
        d.requireOnTheWayWith(courier.staffId());
        rows.problem(d.orderId().value(), trouble.name());
        history.record(d.orderId().value(), d.merchantId().value(), d.status(), "trouble: " + trouble.name(),
                courier.staffId(), courier.username(), clock.instant());
        if (trouble == Trouble.CUSTOMER_UNREACHABLE) {
            notices.unreachable(d, stores.find(d.storeId().value()).map(Store::name).orElse(""));
        }
        return deliveries.find(orderId.value());
    }

    /** Brings the order back to the store: RETURNED, refunded unless the customer could not be reached. */
    @Transactional
    public DeliveryOrder returned(StaffPrincipal courier, OrderId orderId) {
        var d = mine(courier, orderId);
        d.requireOnTheWayWith(courier.staffId());
        ends.end(d, DeliveryStatus.RETURNED, "returned", courier.username());
        return deliveries.find(orderId.value());
    }

    /** Where the courier is now: kept for dispatch, and shown to the customers whose orders they carry. */
    @Transactional
    public void position(StaffPrincipal courier, GeoPoint at) {
        var merchant = merchantOf(courier);
        var now = clock.instant();
        couriers.position(merchant, courier.staffId(), at, now);
        rows.position(merchant, courier.staffId(), at, now);
    }

    /** An order of the courier's merchant, at a store they work in; anything else is "not found". */
    private Delivery mine(StaffPrincipal courier, OrderId orderId) {
        merchantOf(courier);
        return rows.find(orderId.value())
                .filter(d -> courier.canActIn(d.merchantId(), d.storeId()))
                .orElseThrow(() -> Problem.notFound("delivery order"));
    }

    private static UUID merchantOf(StaffPrincipal courier) {
        if (courier.role() != Role.COURIER || courier.merchantId() == null) {
            throw Problem.forbidden("only couriers carry orders");
        }
        return courier.merchantId();
    }
}

package o2o.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import o2o.delivery.Delivery.Courier;
import o2o.delivery.persistence.DeliveryHistory;
import o2o.delivery.persistence.DeliveryRows;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.Orders;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The forward moves of a delivery order, whoever makes them (the store, a courier, a provider's callback): the
 * aggregate says whether the move is legal, one conditional update decides a race, the history records it, the
 * customer is told, and {@link DeliveryMoved} goes out.
 */
@Component
class DeliveryMoves {

    /** A 4-digit code is guessable: five wrong codes per order in ten minutes, then wait. */
    static final Limit CODE_TRIES = new Limit("delivery-code", 5, Duration.ofMinutes(10));

    private final DeliveryRows rows;
    private final DeliveryHistory history;
    private final DeliveryNotices notices;
    private final Orders orders;
    private final Stores stores;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryMoves(DeliveryRows rows, DeliveryHistory history, DeliveryNotices notices, Orders orders, Stores stores,
            RateLimits rateLimits, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.history = history;
        this.notices = notices;
        this.orders = orders;
        this.stores = stores;
        this.rateLimits = rateLimits;
        this.events = events;
        this.clock = clock;
    }

    void accept(Delivery d, String actor) {
        d.requireAcceptable();
        var now = clock.instant();
        if (!rows.advance(id(d), DeliveryStatus.ACCEPTED, EnumSet.of(DeliveryStatus.CREATED), null, now)) {
            throw fresh(d).statusConflict();
        }
        history.record(id(d), d.merchantId().value(), DeliveryStatus.ACCEPTED, "accepted", null, actor, now);
        notices.accepted(d, storeName(d));
        moved(d, DeliveryStatus.ACCEPTED);
    }

    /** A courier takes an accepted order nobody carries yet: of many at once, one wins (409 for the others). */
    void assign(Delivery d, Courier courier, String actor) {
        d.requireAssignable();
        var now = clock.instant();
        if (!rows.advance(id(d), DeliveryStatus.COURIER_ASSIGNED, EnumSet.of(DeliveryStatus.ACCEPTED), courier, now)) {
            fresh(d).requireAssignable();
            throw fresh(d).statusConflict();
        }
        history.record(id(d), d.merchantId().value(), DeliveryStatus.COURIER_ASSIGNED, "assigned to " + courier.name(),
                courier.staffId(), actor, now);
        moved(d, DeliveryStatus.COURIER_ASSIGNED);
    }

    /** A manager gives an order not yet picked up to another courier; the history keeps who had it. */
    void reassign(Delivery d, Courier to, String actor) {
        d.requireReassignable(to.staffId());
        var now = clock.instant();
        var from = d.courier() == null ? null : d.courier().staffId();
        if (!rows.reassign(id(d), from, to, now)) throw fresh(d).statusConflict();
        var what = d.courier() == null ? "assigned to " + to.name()
                : "reassigned from " + d.courier().name() + " to " + to.name();
        history.record(id(d), d.merchantId().value(), DeliveryStatus.COURIER_ASSIGNED, what, to.staffId(), actor, now);
        if (d.status() == DeliveryStatus.ACCEPTED) moved(d, DeliveryStatus.COURIER_ASSIGNED);
    }

    void pickUp(Delivery d, UUID courier) {
        d.requirePickUpBy(courier);
        var now = clock.instant();
        if (!rows.advanceByCourier(id(d), courier, DeliveryStatus.PICKED_UP,
                EnumSet.of(DeliveryStatus.COURIER_ASSIGNED), now)) {
            throw fresh(d).statusConflict();
        }
        history.record(id(d), d.merchantId().value(), DeliveryStatus.PICKED_UP, "picked up", courier, "courier", now);
        notices.pickedUp(d, storeName(d));
        moved(d, DeliveryStatus.PICKED_UP);
    }

    void deliver(Delivery d, UUID courier, String code) {
        rateLimits.check(CODE_TRIES, d.orderId().value().toString());
        d.requireDeliveryBy(courier, code);
        var now = clock.instant();
        if (!rows.advanceByCourier(id(d), courier, DeliveryStatus.DELIVERED, EnumSet.of(DeliveryStatus.PICKED_UP),
                now)) {
            throw fresh(d).statusConflict();
        }
        delivered(d, courier, "courier");
    }

    /**
     * A provider reports a state: applied when it is ahead of where the order is, ignored (false) when the order is
     * there or past it already, as a replayed or late callback is.
     */
    boolean advance(Delivery d, DeliveryStatus to, Courier rider, String actor) {
        if (!d.status().canBecome(to) || to == DeliveryStatus.CANCELLED || to == DeliveryStatus.RETURNED) return false;
        var now = clock.instant();
        if (!rows.advance(id(d), to, DeliveryStatus.from(to), rider, now)) return false;
        if (to == DeliveryStatus.DELIVERED) {
            delivered(d, null, actor);
            return true;
        }
        history.record(id(d), d.merchantId().value(), to, switch (to) {
            case ACCEPTED -> "accepted";
            case COURIER_ASSIGNED -> "assigned to " + rider.name();
            case PICKED_UP -> "picked up by " + rider.name();
            default -> to.name().toLowerCase();
        }, null, actor, now);
        if (to == DeliveryStatus.PICKED_UP) notices.pickedUp(d, storeName(d));
        moved(d, to);
        return true;
    }

    private void delivered(Delivery d, @org.jspecify.annotations.Nullable UUID courier, String actor) {
        var now = clock.instant();
        history.record(id(d), d.merchantId().value(), DeliveryStatus.DELIVERED, "delivered", courier, actor, now);
        orders.complete(id(d));
        notices.delivered(d, storeName(d));
        moved(d, DeliveryStatus.DELIVERED);
    }

    private void moved(Delivery d, DeliveryStatus to) {
        events.publishEvent(new DeliveryMoved(d.orderId(), d.merchantId(), d.storeId(), to, d.provider(),
                d.providerRef(), clock.instant()));
    }

    private Delivery fresh(Delivery d) {
        return rows.find(id(d)).orElseThrow();
    }

    private String storeName(Delivery d) {
        return stores.find(d.storeId().value()).map(Store::name).orElse("");
    }

    private static UUID id(Delivery d) {
        return d.orderId().value();
    }
}

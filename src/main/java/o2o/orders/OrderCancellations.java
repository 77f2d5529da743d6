package o2o.orders;

import java.time.Clock;

import o2o.coupons.Coupons;
import o2o.orders.persistence.OrderHistory;
import o2o.orders.persistence.OrderRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Cancelling an unpaid order gives back what it held: its coupon and points here, and through {@link OrderCancelled}
 * (heard inside the same transaction) whatever its channel's module reserved for it, such as a deal's stock.
 */
@Component
class OrderCancellations {

    private final OrderRows rows;
    private final OrderHistory history;
    private final Coupons coupons;
    private final PointsPayment points;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderCancellations(OrderRows rows, OrderHistory history, Coupons coupons, PointsPayment points,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.history = history;
        this.coupons = coupons;
        this.points = points;
        this.events = events;
        this.clock = clock;
    }

    /** False if the order was not unpaid (any more). */
    boolean cancel(Order order, String reason) {
        if (!order.cancellable()) return false;
        var move = order.cancel(reason);
        var moved = rows.move(order.id().value(), move);
        if (moved.isEmpty()) return false;
        var now = clock.instant();
        history.record(order.id().value(), order.merchantId().value(), moved.get().status(), move.to(), move.reason(),
                now);
        if (order.couponId() != null) coupons.release(order.couponId(), order.id());
        if (order.pointsUsed() > 0) points.giveBack(order.id());
        events.publishEvent(
                new OrderCancelled(order.id(), order.merchantId(), order.customerId(), order.channel(), now));
        return true;
    }
}

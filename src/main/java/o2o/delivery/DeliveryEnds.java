package o2o.delivery;

import java.time.Clock;

import o2o.delivery.persistence.DeliveryHistory;
import o2o.delivery.persistence.DeliveryRows;
import o2o.orders.Orders;
import o2o.shared.OrderId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How a delivery order ends before it is delivered, and what comes back: cancelled before it left, everything;
 * returned, everything unless the courier could not reach the customer ({@link Delivery#refundsInFull}).
 */
@Component
class DeliveryEnds {

    private final DeliveryRows rows;
    private final DeliveryHistory history;
    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryEnds(DeliveryRows rows, DeliveryHistory history, Orders orders, ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.history = history;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** Ends a paid order CANCELLED or RETURNED and refunds by the policy; 409 when it had moved on already. */
    void end(Delivery d, DeliveryStatus to, String what, String actor) {
        var now = clock.instant();
        if (!rows.advance(d.orderId().value(), to, DeliveryStatus.from(to), null, now)) {
            throw rows.find(d.orderId().value()).orElseThrow().statusConflict();
        }
        history.record(d.orderId().value(), d.merchantId().value(), to, what, courierId(d), actor, now);
        if (d.refundsInFull(to)) {
            var order = orders.find(d.orderId().value()).orElseThrow();
            var left = order.total().minus(order.refunded());
            if (!left.isZero()) orders.refund(d.orderId().value(), left, "delivery:" + d.orderId().value() + ":" + to);
        }
        events.publishEvent(new DeliveryMoved(d.orderId(), d.merchantId(), d.storeId(), to, d.provider(),
                d.providerRef(), now));
    }

    /** An unpaid order cancelled (by the customer, or its time to pay ran out): nothing to refund. */
    void cancelUnpaid(OrderId orderId, String actor) {
        var now = clock.instant();
        var d = rows.find(orderId.value()).orElse(null);
        if (d == null || d.paid()) return;
        if (rows.advance(orderId.value(), DeliveryStatus.CANCELLED, java.util.Set.of(DeliveryStatus.CREATED), null,
                now)) {
            history.record(orderId.value(), d.merchantId().value(), DeliveryStatus.CANCELLED, "cancelled unpaid",
                    null, actor, now);
        }
    }

    private static java.util.@org.jspecify.annotations.Nullable UUID courierId(Delivery d) {
        return d.courier() == null ? null : d.courier().staffId();
    }
}

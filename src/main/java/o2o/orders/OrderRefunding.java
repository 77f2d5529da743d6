package o2o.orders;

import java.time.Clock;

import o2o.coupons.Coupons;
import o2o.orders.persistence.OrderGroups;
import o2o.orders.persistence.OrderHistory;
import o2o.orders.persistence.OrderRefunds;
import o2o.orders.persistence.OrderRows;
import o2o.payments.Payments;
import o2o.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Refunding part or all of a paid order, once per reference, with the share of its points (and, for a mall coupon,
 * the share of the discount the mall owes the merchant).
 */
@Component
class OrderRefunding {

    private final OrderRows rows;
    private final OrderRefunds refunds;
    private final OrderHistory history;
    private final PointsPayment points;
    private final Coupons coupons;
    private final Payments payments;
    private final OrderGroups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderRefunding(OrderRows rows, OrderRefunds refunds, OrderHistory history, PointsPayment points, Coupons coupons,
            Payments payments, OrderGroups groups, ApplicationEventPublisher events, Clock clock) {
        this.groups = groups;
        this.rows = rows;
        this.refunds = refunds;
        this.history = history;
        this.points = points;
        this.coupons = coupons;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    void refund(Order order, Money amount, String reference) {
        var now = clock.instant();
        var id = order.id().value();
        if (!refunds.add(id, reference, amount, order.refundsOffline(), now)) return;
        var move = order.refund(amount, reference);
        var after = rows.refund(id, amount).orElseThrow(() -> Order.notRefundable(order.status()));
        if (order.pointsUsed() > 0) {
            long back = rows.pointsToGiveBack(id);
            if (back > 0) points.giveBack(order.id(), back, reference);
        }
        if (order.couponId() != null) {
            coupons.refunded(order.couponId(), order.id(), amount, order.total(), after == OrderStatus.REFUNDED,
                    reference);
        }
        history.record(id, order.merchantId().value(), order.status(), after, move.reason(), now);
        if (!order.refundsOffline()) payments.refund(order.paymentKey(), amount, reference);
        events.publishEvent(new OrderRefunded(order.id(), order.merchantId(), order.customerId(), amount,
                order.total(), reference, now));
        if (order.groupId() != null) {
            var group = groups.find(order.groupId()).orElseThrow();
            events.publishEvent(new GroupOrderRefunded(group.id(), group.payee(), order.id(), order.merchantId(),
                    amount, order.total(), reference, now));
        }
    }
}

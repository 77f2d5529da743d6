package o2o.orders;

import java.time.Clock;
import java.util.UUID;

import o2o.coupons.Coupons;
import o2o.orders.persistence.OrderGroups;
import o2o.orders.persistence.OrderHistory;
import o2o.orders.persistence.OrderRows;
import o2o.payments.Payment;
import o2o.payments.PaymentProvider;
import o2o.payments.Payments;
import o2o.payments.StartPayment;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Paying an order: online by a gateway, by a gateway's QR code at the counter, in cash or by card at the counter. */
@Component
class OrderPayments {

    private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);
    static final String WECHAT_PAY = "wechatpay";

    private final OrderRows rows;
    private final OrderHistory history;
    private final Coupons coupons;
    private final Payments payments;
    private final OrderGroups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderPayments(OrderRows rows, OrderHistory history, Coupons coupons, Payments payments, OrderGroups groups,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.groups = groups;
        this.history = history;
        this.coupons = coupons;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    Payment start(Order order, String provider, String returnUrl, PaymentProvider.Scene scene,
            @Nullable String payerOpenid) {
        order.requirePayableOnline(clock.instant());
        var gateway = provider;
        if (Orders.ONLINE.equals(provider)) {
            var gateways = payments.gatewaysOf(order.merchantId().value());
            if (gateways.isEmpty()) {
                throw new Problem(HttpStatus.CONFLICT, "payment-provider-unavailable",
                        "this merchant takes no online payments", "online");
            }
            // inside WeChat, WeChat Pay where the merchant takes it
            gateway = scene == PaymentProvider.Scene.IN_WECHAT && gateways.contains(WECHAT_PAY) ? WECHAT_PAY
                    : gateways.getFirst();
        }
        var where = scene == PaymentProvider.Scene.IN_WECHAT && !WECHAT_PAY.equals(gateway)
                ? PaymentProvider.Scene.PAGE : scene;
        return payments.start(new StartPayment(order.id(), order.merchantId(),
                order.customerId(), order.total(), gateway, order.paymentTitle(), returnUrl, where,
                where == PaymentProvider.Scene.IN_WECHAT ? payerOpenid : null));
    }

    Payment startByQrAtCounter(Order order, String provider, String returnUrl) {
        order.requirePayableByQrAtCounter();
        return payments.start(new StartPayment(order.id(), order.merchantId(),
                order.customerId(), order.total(), provider, order.paymentTitle(), returnUrl, PaymentProvider.Scene.QR,
                null));
    }

    /** Marks the order paid at the counter; paying it again changes nothing; 409 if paid online or cancelled. */
    Order takeAtCounter(Order order, String method) {
        order.requirePaidAtCounter();
        var id = order.id().value();
        if (rows.takeAtCounter(id, method)) markPaid(id, order.total());
        var after = rows.find(id).orElseThrow();
        if (after.offlineMethod() != null && after.status() != OrderStatus.CANCELLED) return after;
        throw Order.notPayable("this order is " + after.status());
    }

    /** An order's payment arrived; a payment that names a group is the group's ({@link GroupPayments}). */
    void markPaid(UUID orderId, Money amount) {
        var found = rows.find(orderId);
        if (found.isEmpty()) {
            markGroupPaid(groups.find(orderId).orElseThrow(() -> Problem.notFound("order")), amount);
            return;
        }
        var order = found.get();
        if (!order.total().equals(amount)) {
            log.warn("Order {} paid {} but costs {}: refunding", orderId, amount, order.total());
            payments.refund(orderId, amount, "order:" + orderId + ":wrong-amount");
            return;
        }
        markPaid(order, clock.instant());
    }

    /**
     * PENDING_PAYMENT → PAID, the coupon spent and {@link OrderPaid} out; false (and the money given back where it is
     * not wanted) when the order was not waiting for it.
     */
    boolean markPaid(Order order, java.time.Instant now) {
        var orderId = order.id().value();
        var payment = Order.payment();
        var moved = rows.movePaid(orderId, payment, now);
        if (moved.isEmpty()) {
            giveBackUnwanted(rows.find(orderId).orElseThrow(), order.total());
            return false;
        }
        history.record(orderId, order.merchantId().value(), moved.get().status(), payment.to(), payment.reason(), now);
        if (order.couponId() != null) coupons.consume(order.couponId(), new OrderId(orderId));
        if (order.customerId() != null) {
            events.publishEvent(new OrderPaid(order.id(), order.merchantId(), order.customerId(), order.channel(),
                    order.total(), now));
        } else { // a walk-in's order, paid by a gateway or at the counter: nobody to credit
            events.publishEvent(new WalkInOrderPaid(order.id(), order.merchantId(),
                    order.channel(), order.total(), now));
        }
        return true;
    }

    /**
     * A group's payment arrived: each of its orders is marked paid as if paid alone (an order cancelled meanwhile has
     * its share paid straight back), then {@link OrderGroupPaid} names those that were. The wrong amount goes back.
     */
    private void markGroupPaid(OrderGroup group, Money amount) {
        if (!group.total().equals(amount)) {
            log.warn("Order group {} paid {} but costs {}: refunding", group.id(), amount, group.total());
            payments.refund(group.id(), amount, "order-group:" + group.id() + ":wrong-amount");
            return;
        }
        var now = clock.instant();
        var shares = new java.util.ArrayList<OrderGroupPaid.Share>();
        for (var order : rows.ofGroup(group.id())) {
            if (markPaid(order, now)) {
                shares.add(new OrderGroupPaid.Share(order.id(), order.merchantId(), order.total()));
            }
        }
        if (!shares.isEmpty()) {
            events.publishEvent(new OrderGroupPaid(group.id(), group.payee(), group.customerId(), shares, now));
        }
    }

    /** Money for an order cancelled meanwhile, or paid at the counter meanwhile, goes straight back. */
    private void giveBackUnwanted(Order now, Money amount) {
        if (now.status() == OrderStatus.CANCELLED) {
            payments.refund(now.paymentKey(), amount, "order:" + now.id() + ":paid-after-cancel");
        } else if (now.offlineMethod() != null && !amount.isZero()) {
            payments.refund(now.paymentKey(), amount, "order:" + now.id() + ":paid-at-counter");
        }
    }
}

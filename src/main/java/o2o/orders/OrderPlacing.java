package o2o.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

import o2o.coupons.Coupons;
import o2o.orders.persistence.OrderRows;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import o2o.shared.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way an order comes to be, whatever its channel: priced by its channel's module, then the member discount,
 * the coupon on what is left and points; or, for a POS sale, already paid at the till.
 */
@Component
class OrderPlacing {

    private final OrderRows rows;
    private final Coupons coupons;
    private final PointsPayment points;
    private final OrderPayments payments;
    private final ApplicationEventPublisher events;
    private final OrdersProperties properties;
    private final RateLimits rateLimits;
    private final Clock clock;

    OrderPlacing(OrderRows rows, Coupons coupons, PointsPayment points, OrderPayments payments,
            ApplicationEventPublisher events, OrdersProperties properties, RateLimits rateLimits, Clock clock) {
        this.rows = rows;
        this.coupons = coupons;
        this.points = points;
        this.payments = payments;
        this.events = events;
        this.properties = properties;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    Order place(NewOrder request) {
        var customer = request.customerId();
        var merchant = request.merchantId();
        if (customer != null) {
            rateLimits.check(new Limit("order-place", properties.ordersPerCustomerPer10s(), Duration.ofSeconds(10)),
                    customer.toString());
        }
        var id = new OrderId(Ids.next());
        var subtotal = request.subtotal();
        if (request.memberDiscount().compareTo(subtotal) > 0) {
            throw new IllegalArgumentException("member discount " + request.memberDiscount() + " over " + subtotal);
        }
        var afterMember = subtotal.minus(request.memberDiscount());
        var couponId = customer == null ? null : request.couponId();
        // a coupon is for the goods: its minimum spend and its discount leave a delivery fee out
        var goods = afterMember.minus(request.fees());
        var couponDiscount = couponId == null || customer == null ? Money.zero(subtotal.currency())
                : coupons.reserve(couponId, customer, merchant, request.couponStores(), goods, id).min(goods);
        var discount = request.memberDiscount().plus(couponDiscount);
        var payable = subtotal.minus(discount);
        var pointsValue = request.pointsToUse() == 0 || customer == null ? Money.zero(subtotal.currency())
                : points.apply(id, customer, merchant, payable, request.pointsToUse());
        var now = Timestamps.asStored(clock.instant());
        var lines = new ArrayList<OrderLine>();
        for (var line : request.lines()) lines.add(line.numbered(lines.size() + 1));
        var order = new Order(id, merchant, customer, request.channel(), OrderStatus.PENDING_PAYMENT, lines, subtotal,
                discount, payable.minus(pointsValue), Money.zero(subtotal.currency()), couponId, now,
                now.plus(properties.paymentTimeout()), null, pointsValue.isZero() ? 0 : request.pointsToUse(),
                pointsValue, request.storeId(), null);
        rows.place(order, "placed", now);
        if (!order.total().isZero()) return order;
        payments.markPaid(id.value(), order.total());
        return rows.find(id.value()).orElseThrow();
    }

    Order record(OfflineSale sale) {
        var soldAt = Timestamps.asStored(sale.soldAt());
        var lines = new ArrayList<OrderLine>();
        for (var line : sale.lines()) {
            lines.add(new OrderLine(lines.size() + 1, LineKind.POS, sale.orderId().value(), line.title(),
                    line.unitPrice(), line.quantity(), line.amount()));
        }
        var zero = Money.zero(sale.total().currency());
        var order = new Order(sale.orderId(), sale.merchantId(), sale.customerId(), Channel.POS, OrderStatus.PAID,
                lines, sale.total(), zero, sale.total(), zero, null, soldAt, soldAt, soldAt, 0, zero, sale.storeId(),
                null);
        rows.place(order, "sold at the POS", clock.instant());
        if (sale.customerId() != null) {
            events.publishEvent(new OrderPaid(order.id(), order.merchantId(), sale.customerId(), Channel.POS,
                    sale.total(), soldAt));
        } else {
            events.publishEvent(new WalkInOrderPaid(order.id(), order.merchantId(), Channel.POS, sale.total(),
                    soldAt));
        }
        return order;
    }
}

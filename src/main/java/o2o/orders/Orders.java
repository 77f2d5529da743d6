package o2o.orders;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.Coupons;
import o2o.deals.Deals;
import o2o.identity.CustomerPrincipal;
import o2o.payments.Payment;
import o2o.payments.PaymentProvider;
import o2o.payments.StartPayment;
import o2o.payments.Payments;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Every change of state is one conditional update ({@code … where status in (allowed sources)}),
 * so two racing changes cannot both happen, and each is recorded in the order's history.
 */
@Service
public class Orders {

    /** The provider name that means "the merchant's gateway, whichever it is". */
    public static final String ONLINE = "online";
    private static final String WECHAT_PAY = "wechatpay";
    /** What a customer may pay an order by: the merchant's first gateway, a gateway by name, or stored value. */
    public static final Set<String> PAYABLE_BY = Set.of(ONLINE, "sandbox", "wechatpay", "alipay", "wallet");

    private static final Logger log = LoggerFactory.getLogger(Orders.class);
    private static final String COLUMNS = """
            id, merchant_id, store_id, customer_id, channel, status, subtotal_minor, discount_minor, total_minor,
            refunded_minor, currency, coupon_id, created_at, pay_by, paid_at, points_used, points_minor, offline_method
            """;

    private final JdbcClient jdbc;
    private final Deals deals;
    private final Coupons coupons;
    private final Payments payments;
    private final PointsPayment points;
    private final ApplicationEventPublisher events;
    private final OrdersProperties properties;
    private final RateLimits rateLimits;
    private final Clock clock;

    Orders(JdbcClient jdbc, Deals deals, Coupons coupons, Payments payments, PointsPayment points,
            ApplicationEventPublisher events, OrdersProperties properties, RateLimits rateLimits, Clock clock) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.coupons = coupons;
        this.payments = payments;
        this.points = points;
        this.events = events;
        this.properties = properties;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** Places an order for units of a deal, taking stock, the customer's allowance and the coupon with it. */
    @Transactional
    public Order placeDealOrder(CustomerPrincipal customer, UUID dealId, int quantity, @Nullable UUID couponId) {
        return placeDealOrder(customer, dealId, quantity, couponId, 0);
    }

    /**
     * Places an order as above, with {@code pointsToUse} of the customer's points paying part of it after the coupon
     * (spent with the order, given back if it is cancelled). An order the points pay in full is paid at once.
     */
    @Transactional
    public Order placeDealOrder(CustomerPrincipal customer, UUID dealId, int quantity, @Nullable UUID couponId,
            long pointsToUse) {
        if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
        rateLimits.check(new Limit("order-place", properties.ordersPerCustomerPer10s(), Duration.ofSeconds(10)),
                customer.customerId().toString());
        if (quantity < 1 || quantity > properties.maxQuantity()) {
            throw new InvalidInput("quantity", "1 to " + properties.maxQuantity());
        }
        var deal = deals.reserve(dealId, customer.customerId(), quantity);
        var id = Ids.next();
        var unit = deal.terms().price();
        var subtotal = unit.times(quantity);
        var discount = couponId == null
                ? Money.zero(unit.currency())
                : coupons.reserve(couponId, customer.customerId(), deal.merchantId(), deal.terms().storeIds(), subtotal, id);
        var payable = subtotal.minus(discount);
        var pointsValue = pointsToUse == 0 ? Money.zero(unit.currency())
                : points.apply(id, customer.customerId(), deal.merchantId(), payable, pointsToUse);
        var total = payable.minus(pointsValue);
        var now = clock.instant();
        jdbc.sql("""
                        insert into customer_order (id, merchant_id, customer_id, channel, status, subtotal_minor,
                            discount_minor, total_minor, refunded_minor, currency, coupon_id, deal_id, quantity,
                            created_at, pay_by, points_used, points_minor)
                        values (:id, :merchant, :customer, 'DEAL', 'PENDING_PAYMENT', :subtotal, :discount, :total, 0,
                            :currency, :coupon, :deal, :quantity, :now, :payBy, :pointsUsed, :pointsMinor)
                        """)
                .param("id", id)
                .param("merchant", deal.merchantId())
                .param("customer", customer.customerId())
                .param("subtotal", subtotal.minor())
                .param("discount", discount.minor())
                .param("total", total.minor())
                .param("currency", unit.currency().getCurrencyCode())
                .param("coupon", new SqlParameterValue(Types.OTHER, couponId))
                .param("deal", dealId)
                .param("quantity", quantity)
                .param("now", utc(now))
                .param("payBy", utc(now.plus(properties.paymentTimeout())))
                .param("pointsUsed", pointsToUse)
                .param("pointsMinor", pointsValue.minor())
                .update();
        jdbc.sql("""
                        insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title, unit_price_minor,
                                                quantity, amount_minor)
                        values (:order, 1, :merchant, 'DEAL', :deal, :title, :unit, :quantity, :amount)
                        """)
                .param("order", id)
                .param("merchant", deal.merchantId())
                .param("deal", dealId)
                .param("title", deal.terms().title())
                .param("unit", unit.minor())
                .param("quantity", quantity)
                .param("amount", subtotal.minor())
                .update();
        record(id, deal.merchantId(), null, OrderStatus.PENDING_PAYMENT, "placed");
        if (total.isZero() && !pointsValue.isZero()) markPaid(id, total);
        return find(id).orElseThrow();
    }

    /**
     * Places an order another module priced (see {@link NewOrder}): the member discount, then the coupon on what is
     * left, then points; PENDING_PAYMENT until paid online ({@link #pay}) or at the counter ({@link #payAtCounter}),
     * and paid at once when nothing is left to pay.
     */
    @Transactional
    public Order place(NewOrder request) {
        if (request.customerId() != null) {
            rateLimits.check(new Limit("order-place", properties.ordersPerCustomerPer10s(), Duration.ofSeconds(10)),
                    request.customerId().toString());
        }
        var id = Ids.next();
        var subtotal = request.subtotal();
        if (request.memberDiscount().compareTo(subtotal) > 0) {
            throw new IllegalArgumentException("member discount " + request.memberDiscount() + " over " + subtotal);
        }
        var afterMember = subtotal.minus(request.memberDiscount());
        var couponDiscount = request.couponId() == null || request.customerId() == null
                ? Money.zero(subtotal.currency())
                : coupons.reserve(request.couponId(), request.customerId(), request.merchantId(),
                        Set.of(request.storeId()), afterMember, id).min(afterMember);
        var discount = request.memberDiscount().plus(couponDiscount);
        var payable = subtotal.minus(discount);
        var pointsValue = request.pointsToUse() == 0 || request.customerId() == null ? Money.zero(subtotal.currency())
                : points.apply(id, request.customerId(), request.merchantId(), payable, request.pointsToUse());
        var total = payable.minus(pointsValue);
        var now = clock.instant();
        jdbc.sql("""
                        insert into customer_order (id, merchant_id, store_id, customer_id, channel, status,
                            subtotal_minor, discount_minor, total_minor, refunded_minor, currency, coupon_id,
                            created_at, pay_by, points_used, points_minor)
                        values (:id, :merchant, :store, :customer, :channel, 'PENDING_PAYMENT', :subtotal, :discount,
                            :total, 0, :currency, :coupon, :now, :payBy, :pointsUsed, :pointsMinor)
                        """)
                .param("id", id)
                .param("merchant", request.merchantId())
                .param("store", request.storeId())
                .param("customer", new SqlParameterValue(Types.OTHER, request.customerId()))
                .param("channel", request.channel().name())
                .param("subtotal", subtotal.minor())
                .param("discount", discount.minor())
                .param("total", total.minor())
                .param("currency", subtotal.currency().getCurrencyCode())
                .param("coupon", new SqlParameterValue(Types.OTHER, request.customerId() == null ? null : request.couponId()))
                .param("now", utc(now))
                .param("payBy", utc(now.plus(properties.paymentTimeout())))
                .param("pointsUsed", pointsValue.isZero() ? 0 : request.pointsToUse())
                .param("pointsMinor", pointsValue.minor())
                .update();
        int lineNo = 0;
        for (var line : request.lines()) {
            jdbc.sql("""
                            insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title,
                                                    unit_price_minor, quantity, amount_minor)
                            values (:order, :no, :merchant, :kind, :ref, :title, :unit, :quantity, :amount)
                            """)
                    .param("order", id)
                    .param("no", ++lineNo)
                    .param("merchant", request.merchantId())
                    .param("kind", line.kind())
                    .param("ref", line.refId())
                    .param("title", line.title())
                    .param("unit", line.unitPrice().minor())
                    .param("quantity", line.quantity())
                    .param("amount", line.amount().minor())
                    .update();
        }
        record(id, request.merchantId(), null, OrderStatus.PENDING_PAYMENT, "placed");
        if (total.isZero()) markPaid(id, total);
        return find(id).orElseThrow();
    }

    /**
     * Staff took the money of an unpaid DINE_IN or PICKUP order at the counter, in cash or by card: PAID, with how it
     * was paid recorded, and its refunds are paid back at the counter too. Paying it again changes nothing; 409 when
     * it was paid online meanwhile or cancelled.
     */
    @Transactional
    public Order payAtCounter(UUID orderId, String method) {
        if (!method.equals("CASH") && !method.equals("CARD")) throw new InvalidInput("method", "CASH or CARD");
        var order = find(orderId).orElseThrow(() -> Problem.notFound("order"));
        if (order.channel() != Channel.DINE_IN && order.channel() != Channel.PICKUP) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-payable", "only table and pick-up orders are paid at the counter");
        }
        int marked = jdbc.sql("""
                        update customer_order set offline_method = :method
                        where id = :id and status = 'PENDING_PAYMENT' and offline_method is null
                        """)
                .param("method", method).param("id", orderId).update();
        if (marked == 1) markPaid(orderId, order.total());
        var after = find(orderId).orElseThrow();
        if (after.offlineMethod() != null && after.status() != OrderStatus.CANCELLED) return after;
        throw new Problem(HttpStatus.CONFLICT, "order-not-payable", "this order is " + after.status());
    }

    /** Cancels an unpaid order for the module that placed it (a re-split bill, an expired booking); false if it was not unpaid. */
    @Transactional
    public boolean cancelUnpaid(UUID orderId, String reason) {
        var order = find(orderId).orElseThrow(() -> Problem.notFound("order"));
        return cancelUnpaid(order, reason);
    }

    /**
     * Places an order for stored value at a merchant (channel TOP_UP): no stock, no coupon; once paid, the wallet
     * credits it on {@link OrderPaid}.
     */
    @Transactional
    public Order placeTopUpOrder(CustomerPrincipal customer, UUID merchantId, Money amount, String title) {
        rateLimits.check(new Limit("order-place", properties.ordersPerCustomerPer10s(), Duration.ofSeconds(10)),
                customer.customerId().toString());
        if (amount.isZero()) throw new InvalidInput("amount", "must be more than zero");
        var id = Ids.next();
        var now = clock.instant();
        jdbc.sql("""
                        insert into customer_order (id, merchant_id, customer_id, channel, status, subtotal_minor,
                            discount_minor, total_minor, refunded_minor, currency, created_at, pay_by)
                        values (:id, :merchant, :customer, 'TOP_UP', 'PENDING_PAYMENT', :amount, 0, :amount, 0,
                            :currency, :now, :payBy)
                        """)
                .param("id", id)
                .param("merchant", merchantId)
                .param("customer", customer.customerId())
                .param("amount", amount.minor())
                .param("currency", amount.currency().getCurrencyCode())
                .param("now", utc(now))
                .param("payBy", utc(now.plus(properties.paymentTimeout())))
                .update();
        jdbc.sql("""
                        insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title, unit_price_minor,
                                                quantity, amount_minor)
                        values (:order, 1, :merchant, 'TOP_UP', :merchant, :title, :amount, 1, :amount)
                        """)
                .param("order", id)
                .param("merchant", merchantId)
                .param("title", title)
                .param("amount", amount.minor())
                .update();
        record(id, merchantId, null, OrderStatus.PENDING_PAYMENT, "placed");
        return find(id).orElseThrow();
    }

    /**
     * Keeps a sale the POS already took the money for: an order of channel POS, PAID at once with its lines. A sale to
     * a member publishes {@link OrderPaid}, so points and the member's activity follow; a walk-in sale publishes
     * nothing, there being nobody to credit. The caller validates the sale and makes it idempotent.
     */
    @Transactional
    public Order recordOfflineSale(OfflineSale sale) {
        var currency = sale.total().currency().getCurrencyCode();
        var at = utc(sale.soldAt());
        jdbc.sql("""
                        insert into customer_order (id, merchant_id, customer_id, channel, status, subtotal_minor,
                            discount_minor, total_minor, refunded_minor, currency, created_at, pay_by, paid_at)
                        values (:id, :merchant, :customer, 'POS', 'PAID', :total, 0, :total, 0, :currency, :at, :at, :at)
                        """)
                .param("id", sale.orderId())
                .param("merchant", sale.merchantId())
                .param("customer", new SqlParameterValue(Types.OTHER, sale.customerId()))
                .param("total", sale.total().minor())
                .param("currency", currency)
                .param("at", at)
                .update();
        int lineNo = 0;
        for (var line : sale.lines()) {
            jdbc.sql("""
                            insert into order_line (order_id, line_no, merchant_id, kind, ref_id, title,
                                                    unit_price_minor, quantity, amount_minor)
                            values (:order, :no, :merchant, 'POS', :order, :title, :unit, :quantity, :amount)
                            """)
                    .param("order", sale.orderId())
                    .param("no", ++lineNo)
                    .param("merchant", sale.merchantId())
                    .param("title", line.title())
                    .param("unit", line.unitPrice().minor())
                    .param("quantity", line.quantity())
                    .param("amount", line.amount().minor())
                    .update();
        }
        record(sale.orderId(), sale.merchantId(), null, OrderStatus.PAID, "sold at the POS");
        if (sale.customerId() != null) {
            events.publishEvent(new OrderPaid(sale.orderId(), sale.merchantId(), sale.customerId(), Channel.POS, null,
                    sale.lines().stream().mapToInt(OfflineSale.Line::quantity).sum(), sale.total(), sale.soldAt()));
        }
        return find(sale.orderId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from customer_order where id = :id")
                .param("id", orderId)
                .query((rs, row) -> order(rs, lines(rs.getObject("id", UUID.class))))
                .optional();
    }

    /** The customer's own order; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public Order ofCustomer(CustomerPrincipal customer, UUID orderId) {
        return find(orderId).filter(o -> customer.customerId().equals(o.customerId()))
                .orElseThrow(() -> Problem.notFound("order"));
    }

    @Transactional(readOnly = true)
    public List<Order> ofCustomer(CustomerPrincipal customer) {
        return jdbc.sql("select " + COLUMNS + """
                         from customer_order where customer_id = :customer order by created_at desc limit 100
                        """)
                .param("customer", customer.customerId())
                .query((rs, row) -> order(rs, lines(rs.getObject("id", UUID.class))))
                .list();
    }

    /**
     * Starts (or resumes) paying an unpaid order with a provider; {@code online} is the merchant's first gateway (see
     * {@link Payments#gatewaysOf}).
     */
    @Transactional
    public Payment pay(CustomerPrincipal customer, UUID orderId, String provider, String returnUrl) {
        return pay(customer, orderId, provider, returnUrl, PaymentProvider.Scene.PAGE, null);
    }

    /** As above, from a scene of the payer's own (a QR code, inside WeChat with their verified openid). */
    @Transactional
    public Payment pay(CustomerPrincipal customer, UUID orderId, String provider, String returnUrl,
            PaymentProvider.Scene scene, @Nullable String payerOpenid) {
        var order = ofCustomer(customer, orderId);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-payable", "this order is " + order.status());
        }
        if (!clock.instant().isBefore(order.payBy())) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-payable", "the time to pay this order is over");
        }
        var title = order.lines().isEmpty() ? "o2o" : order.lines().getFirst().title();
        var gateway = provider;
        if (ONLINE.equals(provider)) {
            var gateways = payments.gatewaysOf(order.merchantId());
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
        return payments.start(new StartPayment(order.id(), order.merchantId(), order.customerId(), order.total(),
                gateway, title, returnUrl, where, where == PaymentProvider.Scene.IN_WECHAT ? payerOpenid : null));
    }

    /**
     * Staff take a table or pick-up order's money by a gateway's QR code the payer scans at the counter (WeChat Pay
     * Native, Alipay precreate); the order is paid when the gateway confirms. {@code returnUrl} is the staff's page.
     */
    @Transactional
    public Payment payByQrAtCounter(UUID orderId, String provider, String returnUrl) {
        if (!provider.equals(WECHAT_PAY) && !provider.equals("alipay")) {
            throw new InvalidInput("provider", "wechatpay or alipay");
        }
        var order = find(orderId).orElseThrow(() -> Problem.notFound("order"));
        if (order.channel() != Channel.DINE_IN && order.channel() != Channel.PICKUP) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-payable", "only table and pick-up orders are paid at the counter");
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT || order.offlineMethod() != null) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-payable", "this order is " + order.status());
        }
        var title = order.lines().isEmpty() ? "o2o" : order.lines().getFirst().title();
        return payments.start(new StartPayment(order.id(), order.merchantId(), order.customerId(), order.total(),
                provider, title, returnUrl, PaymentProvider.Scene.QR, null));
    }

    /**
     * The provider confirmed the money: PENDING_PAYMENT → PAID, the coupon is spent, {@link OrderPaid} goes out.
     * Money for an order that was cancelled meanwhile (or of the wrong amount) goes straight back.
     */
    @Transactional
    public void markPaid(UUID orderId, Money amount) {
        var order = find(orderId).orElseThrow(() -> Problem.notFound("order"));
        if (!order.total().equals(amount)) {
            log.warn("Order {} paid {} but costs {}: refunding", orderId, amount, order.total());
            payments.refund(orderId, amount, "order:" + orderId + ":wrong-amount");
            return;
        }
        if (!transition(orderId, OrderStatus.PAID, "paid")) {
            var now = find(orderId).orElseThrow();
            if (now.status() == OrderStatus.CANCELLED) {
                payments.refund(orderId, amount, "order:" + orderId + ":paid-after-cancel");
            } else if (now.offlineMethod() != null && !amount.isZero()) {
                // staff took the money at the counter while the customer also paid online: give the online one back
                payments.refund(orderId, amount, "order:" + orderId + ":paid-at-counter");
            }
            return;
        }
        jdbc.sql("update customer_order set paid_at = :now where id = :id")
                .param("now", utc(clock.instant()))
                .param("id", orderId)
                .update();
        if (order.couponId() != null) coupons.consume(order.couponId(), orderId);
        if (order.customerId() == null) { // a walk-in's table share: nobody to credit
            if (order.offlineMethod() == null) {
                events.publishEvent(new WalkInOrderPaid(orderId, order.merchantId(), order.channel(), order.total(),
                        clock.instant()));
            }
            return;
        }
        var line = order.lines().getFirst();
        boolean deal = line.kind().equals("DEAL");
        events.publishEvent(new OrderPaid(orderId, order.merchantId(), order.customerId(), order.channel(),
                deal ? line.refId() : null, deal ? line.quantity() : order.lines().stream().mapToInt(OrderLine::quantity).sum(),
                order.total(), clock.instant()));
    }

    @Transactional
    public Order cancel(CustomerPrincipal customer, UUID orderId) {
        var order = ofCustomer(customer, orderId);
        if (!cancelUnpaid(order, "cancelled by customer")) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-cancellable", "this order is " + find(orderId).orElseThrow().status());
        }
        return find(orderId).orElseThrow();
    }

    /** Cancels one order left unpaid past its deadline; true if it was. */
    @Transactional
    public boolean cancelIfUnpaid(UUID orderId) {
        var order = find(orderId).orElseThrow();
        return !clock.instant().isBefore(order.payBy()) && cancelUnpaid(order, "payment timed out");
    }

    /** Orders whose time to pay is over. */
    @Transactional(readOnly = true)
    public List<UUID> overdue(int limit) {
        return jdbc.sql("""
                        select id from customer_order where status = 'PENDING_PAYMENT' and pay_by <= :now
                        order by pay_by limit :limit
                        """)
                .param("now", utc(clock.instant()))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Refunds part of a paid order (e.g. one unused voucher). Idempotent by reference; never more than was paid.
     * PAID becomes PARTIALLY_REFUNDED, and REFUNDED when all of it is back. A POS sale's money was taken at the till,
     * so its refund is recorded as offline and no payment provider is asked.
     */
    @Transactional
    public void refund(UUID orderId, Money amount, String reference) {
        var order = find(orderId).orElseThrow(() -> Problem.notFound("order"));
        boolean offline = order.channel() == Channel.POS || order.offlineMethod() != null;
        int fresh = jdbc.sql("""
                        insert into order_refund (order_id, reference, amount_minor, created_at, offline)
                        values (:order, :ref, :amount, :now, :offline) on conflict do nothing
                        """)
                .param("order", orderId)
                .param("ref", reference)
                .param("amount", amount.minor())
                .param("now", utc(clock.instant()))
                .param("offline", offline)
                .update();
        if (fresh == 0) return;
        int updated = jdbc.sql("""
                        update customer_order set refunded_minor = refunded_minor + :amount,
                            status = case when refunded_minor + :amount = total_minor then 'REFUNDED'
                                          else 'PARTIALLY_REFUNDED' end
                        where id = :id and status in ('PAID', 'PARTIALLY_REFUNDED')
                          and refunded_minor + :amount <= total_minor
                        """)
                .param("amount", amount.minor())
                .param("id", orderId)
                .update();
        if (updated == 0) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-refundable", "this order is " + order.status());
        }
        if (order.pointsUsed() > 0) givePointsBack(orderId, reference);
        var after = find(orderId).orElseThrow().status();
        record(orderId, order.merchantId(), order.status(), after, offline ? "offline refund " + reference : reference);
        if (!offline) payments.refund(orderId, amount, reference);
        if (order.customerId() != null) {
            events.publishEvent(new OrderRefunded(orderId, order.merchantId(), order.customerId(), amount,
                    order.total(), reference, clock.instant()));
        }
    }

    /** Nothing of the order is left to use: PAID or PARTIALLY_REFUNDED → COMPLETED. */
    @Transactional
    public void complete(UUID orderId) {
        transition(orderId, OrderStatus.COMPLETED, "all used");
    }

    /** A redemption was reversed: a COMPLETED order has something left to use again. */
    @Transactional
    public void reopen(UUID orderId) {
        var order = find(orderId).orElseThrow();
        if (order.status() != OrderStatus.COMPLETED) return;
        transition(orderId, order.refunded().isZero() ? OrderStatus.PAID : OrderStatus.PARTIALLY_REFUNDED,
                "redemption reversed");
    }

    /**
     * The points' share of what has been refunded so far: the points used times the refunded part of the total, less
     * what went back before (the order's row is locked by the refund's update), so the shares add up to all of them.
     */
    private void givePointsBack(UUID orderId, String reference) {
        var back = jdbc.sql("""
                        update customer_order o set points_returned = case when o.total_minor = 0 then o.points_used
                                else o.points_used * o.refunded_minor / o.total_minor end
                        from (select id, points_returned from customer_order where id = :id) before
                        where o.id = before.id
                        returning o.points_returned - before.points_returned
                        """)
                .param("id", orderId)
                .query(Long.class)
                .single();
        if (back > 0) points.giveBack(orderId, back, reference);
    }

    private boolean cancelUnpaid(Order order, String reason) {
        if (!transition(order.id(), OrderStatus.CANCELLED, reason)) return false;
        var line = order.lines().getFirst();
        if (line.kind().equals("DEAL")) deals.release(line.refId(), order.customerId(), line.quantity());
        if (order.couponId() != null) coupons.release(order.couponId(), order.id());
        if (order.pointsUsed() > 0) points.giveBack(order.id());
        events.publishEvent(new OrderCancelled(order.id(), order.merchantId(), order.customerId(), clock.instant()));
        return true;
    }

    /** Moves the order to {@code to} if it is in one of the states that may precede it; false if it was not. */
    private boolean transition(UUID orderId, OrderStatus to, String reason) {
        var from = jdbc.sql("""
                        update customer_order o set status = :to
                        from (select id, status from customer_order where id = :id for update) before
                        where o.id = before.id and before.status = any(:from)
                        returning before.status, o.merchant_id
                        """)
                .param("to", to.name())
                .param("id", orderId)
                .param("from", to.reachableFrom().stream().map(Enum::name).toArray(String[]::new))
                .query((rs, row) -> new Object[] {OrderStatus.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)})
                .optional();
        from.ifPresent(f -> record(orderId, (UUID) f[1], (OrderStatus) f[0], to, reason));
        return from.isPresent();
    }

    private void record(UUID orderId, UUID merchantId, @Nullable OrderStatus from, OrderStatus to, String reason) {
        jdbc.sql("""
                        insert into order_transition (order_id, merchant_id, from_status, to_status, at, reason)
                        values (:order, :merchant, :from, :to, :at, :reason)
                        """)
                .param("order", orderId)
                .param("merchant", merchantId)
                .param("from", new SqlParameterValue(Types.VARCHAR, from == null ? null : from.name()))
                .param("to", to.name())
                .param("at", utc(clock.instant()))
                .param("reason", reason)
                .update();
    }

    private List<OrderLine> lines(UUID orderId) {
        return jdbc.sql("""
                        select l.line_no, l.kind, l.ref_id, l.title, l.unit_price_minor, l.quantity, l.amount_minor,
                               o.currency
                        from order_line l join customer_order o on o.id = l.order_id
                        where l.order_id = :order order by l.line_no
                        """)
                .param("order", orderId)
                .query((rs, row) -> {
                    var currency = Currency.getInstance(rs.getString("currency"));
                    return new OrderLine(rs.getInt("line_no"), rs.getString("kind"), rs.getObject("ref_id", UUID.class),
                            rs.getString("title"), new Money(rs.getLong("unit_price_minor"), currency),
                            rs.getInt("quantity"), new Money(rs.getLong("amount_minor"), currency));
                })
                .list();
    }

    private static Order order(ResultSet rs, List<OrderLine> lines) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var paid = rs.getObject("paid_at", OffsetDateTime.class);
        return new Order(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("customer_id", UUID.class), Channel.valueOf(rs.getString("channel")),
                OrderStatus.valueOf(rs.getString("status")), lines,
                new Money(rs.getLong("subtotal_minor"), currency), new Money(rs.getLong("discount_minor"), currency),
                new Money(rs.getLong("total_minor"), currency), new Money(rs.getLong("refunded_minor"), currency),
                rs.getObject("coupon_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("pay_by", OffsetDateTime.class).toInstant(), paid == null ? null : paid.toInstant(),
                rs.getLong("points_used"), new Money(rs.getLong("points_minor"), currency),
                rs.getObject("store_id", UUID.class), rs.getString("offline_method"));
    }
}

package o2o.orders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.orders.persistence.OrderGroups;
import o2o.orders.persistence.OrderHistory;
import o2o.orders.persistence.OrderLines;
import o2o.orders.persistence.OrderRows;
import o2o.payments.Payment;
import o2o.payments.PaymentProvider;
import o2o.payments.Payments;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Every change of state is a move of {@link Order}'s state machine, applied by one conditional
 * update ({@code … where status = any(allowed sources)}), so two racing changes cannot both happen, and each is
 * recorded in the order's history.
 */
@Service
public class Orders {

    /** The provider name that means "the merchant's gateway, whichever it is". */
    public static final String ONLINE = "online";
    /** What a customer may pay an order by: the merchant's first gateway, a gateway by name, or stored value. */
    public static final Set<String> PAYABLE_BY = Set.of(ONLINE, "sandbox", "wechatpay", "alipay", "wallet");

    private final OrderRows rows;
    private final OrderLines lines;
    private final OrderHistory history;
    private final OrderPlacing placing;
    private final OrderPayments payments;
    private final OrderCancellations cancellations;
    private final OrderRefunding refunding;
    private final GroupPayments groupPayments;
    private final OrderGroups groups;
    private final Clock clock;

    Orders(OrderRows rows, OrderLines lines, OrderHistory history, OrderPlacing placing, OrderPayments payments,
            OrderCancellations cancellations, OrderRefunding refunding, GroupPayments groupPayments,
            OrderGroups groups, Clock clock) {
        this.groupPayments = groupPayments;
        this.groups = groups;
        this.rows = rows;
        this.lines = lines;
        this.history = history;
        this.placing = placing;
        this.payments = payments;
        this.cancellations = cancellations;
        this.refunding = refunding;
        this.clock = clock;
    }

    /**
     * Places an order its channel's module priced (see {@link NewOrder}): the member discount, then the coupon on what
     * is left, then points; PENDING_PAYMENT until paid online ({@link #pay}) or at the counter ({@link #payAtCounter}),
     * and paid at once when nothing is left to pay.
     */
    @Transactional
    public Order place(NewOrder request) {
        return placing.place(request);
    }

    /**
     * Places an order for stored value at a merchant (channel TOP_UP): no stock, no coupon; once paid, the wallet
     * credits it on {@link OrderPaid}.
     */
    @Transactional
    public Order placeTopUpOrder(CustomerPrincipal customer, UUID merchantId, Money amount, String title) {
        if (amount.isZero()) throw new InvalidInput("amount", "must be more than zero");
        var line = new NewOrder.Line(LineKind.TOP_UP, merchantId, title, amount, 1, amount);
        return placing.place(new NewOrder(new MerchantId(merchantId), null, customer.id(),
                Channel.TOP_UP, List.of(line), Money.zero(amount.currency()), null, 0, Set.of()));
    }

    /**
     * Keeps a sale the POS already took the money for: an order of channel POS, PAID at once with its lines. A sale to
     * a member publishes {@link OrderPaid}, so points and the member's activity follow; a walk-in sale publishes
     * {@link WalkInOrderPaid}, counted in the merchant's sales with nobody to credit. The caller validates the sale and
     * makes it idempotent. The answer is the order as written, not read back.
     */
    @Transactional
    public Order recordOfflineSale(OfflineSale sale) {
        return placing.record(sale);
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(UUID orderId) {
        return rows.find(orderId);
    }

    /** Many orders at once, with their lines (for projections that take facts in batches); unknown ids are absent. */
    @Transactional(readOnly = true)
    public List<Order> findAll(java.util.Collection<OrderId> orderIds) {
        return rows.findAll(orderIds.stream().map(OrderId::value).distinct().toList());
    }

    /** What was ordered, in the order's line order. */
    @Transactional(readOnly = true)
    public List<OrderLine> lines(UUID orderId) {
        return lines.of(orderId);
    }

    /** The customer's own order; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public Order ofCustomer(CustomerPrincipal customer, UUID orderId) {
        return find(orderId).filter(o -> customer.id().equals(o.customerId()))
                .orElseThrow(() -> Problem.notFound("order"));
    }

    @Transactional(readOnly = true)
    public List<Order> ofCustomer(CustomerPrincipal customer) {
        return rows.ofCustomer(customer.customerId());
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
        return payments.start(ofCustomer(customer, orderId), provider, returnUrl, scene, payerOpenid);
    }

    // --- orders of several merchants paid at once

    /**
     * Gathers the customer's orders just placed (unpaid, in no group) into one group that is paid at once, to
     * {@code payee}, who collects the money for every order's merchant. Each order stays its own: its merchant sees,
     * serves and refunds it as any other; it cannot be paid on its own any more.
     *
     * @throws Problem 409 {@code order-not-groupable} when an order is not the customer's, not unpaid or grouped
     */
    @Transactional
    public OrderGroup group(CustomerId customer, MerchantId payee, String title, List<OrderId> orders) {
        return groupPayments.group(customer, payee, title, orders);
    }

    /** The customer's own group; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public OrderGroup groupOf(CustomerPrincipal customer, UUID groupId) {
        return groups.find(groupId).filter(g -> g.customerId().equals(customer.id()))
                .orElseThrow(() -> Problem.notFound("order group"));
    }

    /** The orders of a group, with their lines. */
    @Transactional(readOnly = true)
    public List<Order> ordersOf(OrderGroup group) {
        return rows.ofGroup(group.id());
    }

    /**
     * Starts (or resumes) the one payment of the customer's group (see {@link #pay} for {@code provider}); 409
     * {@code order-not-payable} when one of its orders is not waiting for payment any more.
     */
    @Transactional
    public Payment payGroup(CustomerPrincipal customer, UUID groupId, String provider, String returnUrl) {
        if (!PAYABLE_BY.contains(provider) || "wallet".equals(provider)) {
            throw new InvalidInput("provider", "online or a gateway");
        }
        return groupPayments.start(groupOf(customer, groupId), provider, returnUrl);
    }

    /**
     * Staff take a table or pick-up order's money by a gateway's QR code the payer scans at the counter (WeChat Pay
     * Native, Alipay precreate); the order is paid when the gateway confirms. {@code returnUrl} is the staff's page.
     */
    @Transactional
    public Payment payByQrAtCounter(UUID orderId, String provider, String returnUrl) {
        if (!provider.equals(OrderPayments.WECHAT_PAY) && !provider.equals("alipay")) {
            throw new InvalidInput("provider", "wechatpay or alipay");
        }
        return payments.startByQrAtCounter(existing(orderId), provider, returnUrl);
    }

    /**
     * Staff took the money of an unpaid DINE_IN or PICKUP order at the counter, in cash or by card: PAID, with how it
     * was paid recorded, and its refunds are paid back at the counter too. Paying it again changes nothing; 409 when
     * it was paid online meanwhile or cancelled.
     */
    @Transactional
    public Order payAtCounter(UUID orderId, String method) {
        if (!method.equals("CASH") && !method.equals("CARD")) throw new InvalidInput("method", "CASH or CARD");
        return payments.takeAtCounter(existing(orderId), method);
    }

    /**
     * The provider confirmed the money: PENDING_PAYMENT → PAID, the coupon is spent, {@link OrderPaid} goes out.
     * Money for an order that was cancelled meanwhile (or of the wrong amount) goes straight back.
     */
    @Transactional
    public void markPaid(UUID orderId, Money amount) {
        payments.markPaid(orderId, amount);
    }

    @Transactional
    public Order cancel(CustomerPrincipal customer, UUID orderId) {
        var order = ofCustomer(customer, orderId);
        order.cancel("cancelled by customer");
        if (!cancellations.cancel(order, "cancelled by customer")) {
            throw Order.notCancellable(find(orderId).orElseThrow().status());
        }
        return find(orderId).orElseThrow();
    }

    /** Cancels an unpaid order for the module that placed it (a re-split bill, an expired booking); false if it was not unpaid. */
    @Transactional
    public boolean cancelUnpaid(UUID orderId, String reason) {
        return cancellations.cancel(existing(orderId), reason);
    }

    /** Cancels one order left unpaid past its deadline; true if it was. */
    @Transactional
    public boolean cancelIfUnpaid(UUID orderId) {
        var order = find(orderId).orElseThrow();
        return !clock.instant().isBefore(order.payBy()) && cancellations.cancel(order, "payment timed out");
    }

    /** Orders whose time to pay is over. */
    @Transactional(readOnly = true)
    public List<UUID> overdue(int limit) {
        return rows.overdue(clock.instant(), limit);
    }

    /**
     * Refunds part of a paid order (e.g. one unused voucher). Idempotent by reference; never more than was paid.
     * PAID becomes PARTIALLY_REFUNDED, and REFUNDED when all of it is back. A POS sale's money was taken at the till,
     * so its refund is recorded as offline and no payment provider is asked.
     */
    @Transactional
    public void refund(UUID orderId, Money amount, String reference) {
        refunding.refund(existing(orderId), amount, reference);
    }

    /** Nothing of the order is left to use: PAID or PARTIALLY_REFUNDED → COMPLETED. */
    @Transactional
    public void complete(UUID orderId) {
        apply(orderId, Order.completion());
    }

    /** A redemption was reversed: a COMPLETED order has something left to use again. */
    @Transactional
    public void reopen(UUID orderId) {
        find(orderId).orElseThrow().reopen().ifPresent(move -> apply(orderId, move));
    }

    private void apply(UUID orderId, Move move) {
        rows.move(orderId, move).ifPresent(from -> history.record(orderId, from.merchantId(), from.status(),
                move.to(), move.reason(), clock.instant()));
    }

    private Order existing(UUID orderId) {
        return find(orderId).orElseThrow(() -> Problem.notFound("order"));
    }
}

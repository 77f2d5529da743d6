package o2o.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An order of any channel; {@code customerId} is null only for a walk-in sale at a store's POS; {@code pointsUsed}
 * loyalty points paid {@code pointsValue} of it, already taken off the total; {@code storeId} is the store an order
 * priced from the menu is for, or whose POS made the sale; {@code offlineMethod} (CASH, CARD) how staff took its money
 * at the counter; {@code groupId} the group it is paid with, when it is one of several paid at once ({@link OrderGroup}).
 * <p>
 * Its methods say which move of its state machine a change is, and refuse the moves its current state forbids; the
 * database still decides races, by applying a move only where the order is in one of {@link Move#allowedFrom}.
 */
public record Order(OrderId id, MerchantId merchantId, @Nullable CustomerId customerId, Channel channel,
        OrderStatus status, List<OrderLine> lines, Money subtotal, Money discount, Money total, Money refunded,
        @Nullable UUID couponId, Instant createdAt, Instant payBy, @Nullable Instant paidAt, long pointsUsed,
        Money pointsValue, @Nullable StoreId storeId, @Nullable String offlineMethod, @Nullable UUID groupId) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** An order paid on its own. */
    public Order(OrderId id, MerchantId merchantId, @Nullable CustomerId customerId, Channel channel,
            OrderStatus status, List<OrderLine> lines, Money subtotal, Money discount, Money total, Money refunded,
            @Nullable UUID couponId, Instant createdAt, Instant payBy, @Nullable Instant paidAt, long pointsUsed,
            Money pointsValue, @Nullable StoreId storeId, @Nullable String offlineMethod) {
        this(id, merchantId, customerId, channel, status, lines, subtotal, discount, total, refunded, couponId,
                createdAt, payBy, paidAt, pointsUsed, pointsValue, storeId, offlineMethod, null);
    }

    /** The same order with these lines (for a read that meets the order before its lines). */
    public Order withLines(List<OrderLine> lines) {
        return new Order(id, merchantId, customerId, channel, status, lines, subtotal, discount, total, refunded,
                couponId, createdAt, payBy, paidAt, pointsUsed, pointsValue, storeId, offlineMethod, groupId);
    }

    /** What the payments module knows the order's money by: the group it was paid with, or the order itself. */
    public UUID paymentKey() {
        return groupId == null ? id.value() : groupId;
    }

    /** The money arrived: PENDING_PAYMENT → PAID. */
    public static Move payment() {
        return new Move(OrderStatus.PAID, "paid");
    }

    /** Nothing of the order is left to use: PAID or PARTIALLY_REFUNDED → COMPLETED. */
    public static Move completion() {
        return new Move(OrderStatus.COMPLETED, "all used");
    }

    /** The customer may start paying it online only while it waits for payment and its time to pay is not over. */
    public void requirePayableOnline(Instant now) {
        if (groupId != null) throw notPayable("this order is paid with its group");
        requirePayableInGroup(now);
    }

    /** As {@link #requirePayableOnline}, for an order whose group is being paid. */
    void requirePayableInGroup(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) throw notPayable("this order is " + status);
        if (!now.isBefore(payBy)) throw notPayable("the time to pay this order is over");
    }

    /** Only a table's or a pick-up order is paid at the counter. */
    public void requirePaidAtCounter() {
        if (channel != Channel.DINE_IN && channel != Channel.PICKUP) {
            throw notPayable("only table and pick-up orders are paid at the counter");
        }
        if (groupId != null) throw notPayable("this order is paid with its group");
    }

    /** A gateway's QR code shown at the counter: for a table's or pick-up order nobody has paid yet. */
    public void requirePayableByQrAtCounter() {
        requirePaidAtCounter();
        if (status != OrderStatus.PENDING_PAYMENT || offlineMethod != null) throw notPayable("this order is " + status);
    }

    public boolean cancellable() {
        return status.mayMoveTo(OrderStatus.CANCELLED);
    }

    /** PENDING_PAYMENT → CANCELLED; a paid, refunded, completed or cancelled order is not cancellable. */
    public Move cancel(String reason) {
        if (!cancellable()) throw notCancellable(status);
        return new Move(OrderStatus.CANCELLED, reason);
    }

    /**
     * Refunding {@code amount} of a PAID or PARTIALLY_REFUNDED order, never more than is left of what was paid:
     * PARTIALLY_REFUNDED, or REFUNDED when all of it is back.
     */
    public Move refund(Money amount, String reference) {
        boolean paid = status == OrderStatus.PAID || status == OrderStatus.PARTIALLY_REFUNDED;
        if (!paid || refunded.plus(amount).compareTo(total) > 0) throw notRefundable(status);
        var to = refunded.plus(amount).equals(total) ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        return new Move(to, refundsOffline() ? "offline refund " + reference : reference);
    }

    /** A redemption was reversed: a COMPLETED order has something left to use again; nothing to do otherwise. */
    public Optional<Move> reopen() {
        if (status != OrderStatus.COMPLETED) return Optional.empty();
        return Optional.of(new Move(refunded.isZero() ? OrderStatus.PAID : OrderStatus.PARTIALLY_REFUNDED,
                "redemption reversed"));
    }

    /** A POS sale's money, and money staff took at the counter, goes back at the till, not through a gateway. */
    public boolean refundsOffline() {
        return channel == Channel.POS || offlineMethod != null;
    }

    /** What the payer sees on the gateway's page. */
    public String paymentTitle() {
        return lines.isEmpty() ? "o2o" : lines.getFirst().title();
    }

    public int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    static Problem notPayable(String detail) {
        return new Problem(HttpStatus.CONFLICT, "order-not-payable", detail);
    }

    static Problem notCancellable(OrderStatus status) {
        return new Problem(HttpStatus.CONFLICT, "order-not-cancellable", "this order is " + status);
    }

    static Problem notRefundable(OrderStatus status) {
        return new Problem(HttpStatus.CONFLICT, "order-not-refundable", "this order is " + status);
    }
}

package o2o.orders;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * An order its channel's module priced — units of a deal (DEAL), a share of a table's bill (DINE_IN), a pick-up order
 * (PICKUP), a reservation's deposit (RESERVATION), stored value (TOP_UP), dishes and their fee brought to the door
 * (DELIVERY), a seat at a mall's event (EVENT) — for {@link Orders#place}.
 *
 * @param storeId the store it is for; null where it is for the merchant (a deal usable in several stores, a top-up)
 * @param customerId who pays and earns for it; null only for a DINE_IN share settled at the counter by a walk-in
 * @param memberDiscount what the member's tier takes off the subtotal, worked out by the caller (zero for none)
 * @param couponId one of the customer's coupons to hold for the order and spend when it is paid
 * @param pointsToUse loyalty points to pay part of what is left after the discounts
 * @param couponStores the stores the coupon must be usable in
 */
public record NewOrder(MerchantId merchantId, @Nullable StoreId storeId, @Nullable CustomerId customerId,
        Channel channel, List<Line> lines, Money memberDiscount, @Nullable UUID couponId, long pointsToUse,
        Set<UUID> couponStores) {

    public NewOrder {
        lines = List.copyOf(lines);
        couponStores = Set.copyOf(couponStores);
        if (channel == Channel.POS) throw new IllegalArgumentException("a POS sale is recorded as an OfflineSale");
        if (lines.isEmpty()) throw new InvalidInput("lines", "at least one");
        if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
        if (customerId == null && (channel != Channel.DINE_IN || couponId != null || pointsToUse > 0)) {
            throw new InvalidInput("customer", "sign in to order, use a coupon or pay with points");
        }
    }

    /** An order for one store, where the coupon must be usable. */
    public NewOrder(MerchantId merchantId, StoreId storeId, @Nullable CustomerId customerId, Channel channel,
            List<Line> lines, Money memberDiscount, @Nullable UUID couponId, long pointsToUse) {
        this(merchantId, storeId, customerId, channel, lines, memberDiscount, couponId, pointsToUse,
                Set.of(storeId.value()));
    }

    /** A line of the order; {@code kind} says what {@code refId} names. */
    public record Line(LineKind kind, UUID refId, String title, Money unitPrice, int quantity, Money amount) {

        public Line {
            if (quantity < 1) throw new InvalidInput("quantity", "1 or more");
            if (!unitPrice.times(quantity).equals(amount)) {
                throw new IllegalArgumentException("amount " + amount + " is not " + quantity + " × " + unitPrice);
            }
        }

        OrderLine numbered(int lineNo) {
            return new OrderLine(lineNo, kind, refId, title, unitPrice, quantity, amount);
        }
    }

    /** What the order charges for delivery: its DELIVERY_FEE lines. */
    public Money fees() {
        var sum = Money.zero(lines.getFirst().amount().currency());
        for (var line : lines) if (line.kind() == LineKind.DELIVERY_FEE) sum = sum.plus(line.amount());
        return sum;
    }

    public Money subtotal() {
        var sum = Money.zero(lines.getFirst().amount().currency());
        for (var line : lines) sum = sum.plus(line.amount());
        return sum;
    }
}

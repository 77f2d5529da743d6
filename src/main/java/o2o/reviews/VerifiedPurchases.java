package o2o.reviews;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import o2o.delivery.Deliveries;
import o2o.delivery.DeliveryStatus;
import o2o.identity.CustomerPrincipal;
import o2o.orders.Order;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.pickup.PickupStatus;
import o2o.pickup.Pickups;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.vouchers.Voucher;
import o2o.vouchers.Vouchers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether an order is a purchase its customer really made use of, asked of the modules that own it when the review is
 * posted (nothing listens on payment, redemption or the POS for this): a deal order with a redeemed voucher, a table
 * share or a member's POS sale that is paid and not wholly refunded, a pick-up order handed over. Another customer's
 * order, and a walk-in POS sale (nobody's), is "not found".
 */
@Component
class VerifiedPurchases {

    /** Paid and not wholly given back: a table share or a POS sale stays reviewable after a partial refund. */
    private static final Set<OrderStatus> PAID = EnumSet.of(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED,
            OrderStatus.COMPLETED);

    private final Orders orders;
    private final Vouchers vouchers;
    private final Pickups pickups;
    private final Deliveries deliveries;

    VerifiedPurchases(Orders orders, Vouchers vouchers, Pickups pickups, Deliveries deliveries) {
        this.orders = orders;
        this.vouchers = vouchers;
        this.pickups = pickups;
        this.deliveries = deliveries;
    }

    /** A used purchase and the store it was used at: for a deal, the store that redeemed its voucher. */
    record Purchase(Order order, StoreId store) {}

    /** The customer's order if it may be reviewed now; otherwise 404 (not theirs) or 422 {@code review-not-allowed}. */
    Purchase require(CustomerPrincipal customer, OrderId orderId) {
        var verdict = check(customer, orderId);
        if (verdict.refusal() != null) throw notAllowed(verdict.refusal());
        return Objects.requireNonNull(verdict.purchase());
    }

    /** Whether the customer's order may be reviewed now, and why not; 404 when it is not theirs. */
    Verdict check(CustomerPrincipal customer, OrderId orderId) {
        var order = orders.ofCustomer(customer, orderId.value());
        return switch (order.channel()) {
            case DEAL -> vouchers.ofOrder(order.id().value()).stream()
                    .filter(v -> v.status() == Voucher.Status.REDEEMED && v.redeemedStoreId() != null)
                    .map(v -> Verdict.yes(order, new StoreId(v.redeemedStoreId())))
                    .findFirst().orElse(Verdict.no("no voucher of this order has been redeemed"));
            case DINE_IN, POS -> PAID.contains(order.status()) ? Verdict.yes(order, order.storeId())
                    : Verdict.no("this order is " + order.status());
            case PICKUP -> {
                var status = pickups.ofCustomer(customer, order.id().value()).status();
                yield status == PickupStatus.HANDED_OVER ? Verdict.yes(order, order.storeId())
                        : Verdict.no("this pick-up order is " + status);
            }
            case DELIVERY -> {
                var status = deliveries.ofCustomer(customer, order.id().value()).delivery().status();
                yield status == DeliveryStatus.DELIVERED ? Verdict.yes(order, order.storeId())
                        : Verdict.no("this delivery order is " + status);
            }
            case RESERVATION, TOP_UP, EVENT -> Verdict.no("only purchases are reviewed");
        };
    }

    /** Either the purchase, or why it may not be reviewed. */
    record Verdict(@Nullable Purchase purchase, @Nullable String refusal) {

        static Verdict yes(Order order, @Nullable StoreId store) {
            return store == null ? no("the order names no store") : new Verdict(new Purchase(order, store), null);
        }

        static Verdict no(String why) {
            return new Verdict(null, why);
        }
    }

    static Problem notAllowed(String why) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "review-not-allowed",
                "only a used purchase is reviewed: " + why, why);
    }
}

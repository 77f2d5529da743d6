package o2o.mallguide;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import o2o.delivery.DeliveryOrder;
import o2o.malls.Mall;
import o2o.orders.Order;
import o2o.orders.OrderGroup;
import o2o.pickup.PickupOrder;
import org.jspecify.annotations.Nullable;

/** A checked-out cart across a mall's tenants: its group and each tenant's order, in the order they came in the cart. */
public record MallCartOrder(Mall mall, OrderGroup group, List<TenantOrder> orders) {

    public MallCartOrder {
        orders = List.copyOf(orders);
    }

    /** Whether the cart's orders are delivered (else picked up at each counter). */
    public boolean delivered() {
        return !orders.isEmpty() && orders.getFirst().delivery() != null;
    }

    /** Whether some tenant's order is still on its way (unpaid, in the kitchen, on the road). */
    public boolean moving() {
        return orders.stream().anyMatch(TenantOrder::waiting);
    }

    /** One tenant's order of the cart: a pick-up order at its counter, or a delivery order from it. */
    public record TenantOrder(@Nullable PickupOrder pickup, @Nullable DeliveryOrder delivery) {

        public TenantOrder {
            if ((pickup == null) == (delivery == null)) throw new IllegalArgumentException("pick-up or delivery");
        }

        public static TenantOrder of(PickupOrder pickup) {
            return new TenantOrder(pickup, null);
        }

        public static TenantOrder of(DeliveryOrder delivery) {
            return new TenantOrder(null, delivery);
        }

        public UUID orderId() {
            return order().id().value();
        }

        public UUID storeId() {
            return pickup != null ? pickup.storeId() : deliveryOrder().delivery().storeId().value();
        }

        public String storeName() {
            return pickup != null ? pickup.storeName() : deliveryOrder().storeName();
        }

        public Order order() {
            return pickup != null ? pickup.order() : deliveryOrder().order();
        }

        /** Where it stands, as a message key: {@code pickup.status.READY}, {@code delivery.status.UNPAID}, … */
        public String statusKey() {
            if (pickup != null) return "pickup.status." + pickup.status();
            var d = deliveryOrder().delivery();
            return "delivery.status." + (d.paid() || d.status().isFinal() ? d.status() : "UNPAID");
        }

        /** Still on its way to the customer: the cart's page keeps refreshing. */
        boolean waiting() {
            return pickup != null ? pickup.status().waiting() : !deliveryOrder().delivery().status().isFinal();
        }

        private DeliveryOrder deliveryOrder() {
            return Objects.requireNonNull(delivery);
        }
    }
}

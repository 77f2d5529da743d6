package o2o.delivery;

import java.util.List;

import o2o.orders.Order;

/** A delivery order as its customer and the store see it: the delivery, its order (lines, totals), and its history. */
public record DeliveryOrder(Delivery delivery, Order order, String storeName, List<DeliveryEvent> history) {

    public o2o.shared.OrderId orderId() {
        return delivery.orderId();
    }
}

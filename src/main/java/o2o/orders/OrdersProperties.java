package o2o.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long an order waits for payment before it is cancelled and releases stock and coupon
 * @param maxQuantity units of one deal per order
 * @param ordersPerCustomerPer10s orders one customer may place in ten seconds (so a script cannot hog a flash sale)
 */
@ConfigurationProperties("o2o.orders")
record OrdersProperties(@DefaultValue("15m") Duration paymentTimeout, @DefaultValue("20") int maxQuantity,
        @DefaultValue("10") int ordersPerCustomerPer10s) {}

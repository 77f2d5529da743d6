package o2o.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long an order waits for payment before it is cancelled and releases stock and coupon
 * @param maxQuantity units of one deal per order
 */
@ConfigurationProperties("o2o.orders")
record OrdersProperties(@DefaultValue("15m") Duration paymentTimeout, @DefaultValue("20") int maxQuantity) {}

package o2o.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long an order waits for payment before it is cancelled and gives back what it held
 * @param ordersPerCustomerPer10s orders one customer may place in ten seconds (so a script cannot hog a flash sale)
 */
@ConfigurationProperties("o2o.orders")
record OrdersProperties(@DefaultValue("15m") Duration paymentTimeout, @DefaultValue("10") int ordersPerCustomerPer10s) {}

/**
 * Pick-up orders (自提): a customer orders ahead from a store's menu for a time today (or as soon as possible), pays
 * online, gets the store's next number of the day, and collects the order when the counter marks it ready. Priced by
 * the catalog, placed and paid through orders; the number is given on {@link o2o.orders.OrderPaid}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "catalog", "orders", "payments",
        "notifications"})
@NullMarked
package o2o.pickup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Ordering at the table: the table's shared cart that several diners fill at once, rounds sent to the kitchen, the
 * kitchen display and the state of every dish, and the table's bill — split between diners, paid from their phones or
 * at the counter — which, once settled, completes the orders and frees the table. Builds on the table sessions of
 * {@link o2o.dining.Tables}, prices every line with {@link o2o.catalog.Menu} and places DINE_IN orders with
 * {@link o2o.orders.Orders}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "catalog", "dining", "orders", "payments",
        "coupons", "loyalty", "wallet"})
@NullMarked
package o2o.tableorders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Delivery (外卖): a store's dishes brought to the customer's door inside its zones. Zones (circles or polygons, by
 * priority, each with a minimum order, a fee of a base and per-kilometre bands, and hours) decide on the address's
 * coordinates whether and for what a store delivers, when the order is placed; the promise adds the kitchen's queue,
 * the wait for a courier and the ride. Orders are placed and paid through orders (channel DELIVERY, the fee a line of
 * its own), carried by the store's own couriers (staff with the COURIER role) or a {@link o2o.delivery.CourierProvider},
 * and move through one monotonic state machine ({@link o2o.delivery.DeliveryStatus}).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "catalog", "orders", "payments",
        "notifications"})
@NullMarked
package o2o.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

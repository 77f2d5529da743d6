/**
 * Deals (团购) and flash sales (秒杀): what a merchant sells online to be used in its stores, at what price, when and
 * how many. Stock and per-customer limits are taken atomically in the database when an order is placed.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "orders"})
@NullMarked
package o2o.deals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

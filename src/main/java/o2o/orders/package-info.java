/**
 * Orders: one model for every channel (deals, a table's bill, pick-up, reservation deposits, POS sales, top-ups), with a state machine
 * guarded in SQL, checkout that reserves stock and coupon with the order, payment through the payments module, and
 * cancellation of orders left unpaid. Modules that price from the menu or their own terms place through {@link o2o.orders.Orders#place}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "coupons", "payments"})
@NullMarked
package o2o.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Orders: one model for every channel (deals now; table, pick-up, reservation and POS later), with a state machine
 * guarded in SQL, checkout that reserves stock and coupon with the order, payment through the payments module, and
 * cancellation of orders left unpaid.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "deals", "coupons", "payments"})
@NullMarked
package o2o.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

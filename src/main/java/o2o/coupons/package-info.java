/**
 * Coupons: templates a merchant issues (amount off, percent off with a cap, minimum spend, store scope, quantity,
 * per-customer limit, validity), the customer's wallet (券包) of claimed coupons, and applying one at checkout.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants"})
@NullMarked
package o2o.coupons;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

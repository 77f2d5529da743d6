/**
 * Coupons: templates a merchant issues (amount off, percent off with a cap, minimum spend, store scope, quantity,
 * per-customer limit, validity), the customer's wallet (券包) of claimed coupons, and applying one at checkout. A
 * mall coupon is issued and funded by a mall's merchant for its tenants; when one is spent, what the mall owes the
 * tenant is posted to the ledger.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "ledger"})
@NullMarked
package o2o.coupons;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

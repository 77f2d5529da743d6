/**
 * Membership and points: customers join a merchant's membership; a points program (one merchant's, or shared by a
 * group such as a mall) earns points on paid orders and takes them back in proportion on refunds, on the ledger.
 * Earning reacts to order events through the event publication registry, so a crash cannot lose a posting.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "ledger", "merchants", "orders", "wallet", "coupons"})
@NullMarked
package o2o.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

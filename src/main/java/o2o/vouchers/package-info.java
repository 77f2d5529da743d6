/**
 * Vouchers (券): issued when a deal order is paid, one per unit, shown as a 12-digit code and a QR code; redeemed
 * (核销) in the store exactly once by its staff; refunded or expired by the deal's policy.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "deals", "orders", "notifications"})
@NullMarked
package o2o.vouchers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

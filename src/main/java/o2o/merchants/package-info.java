/**
 * Merchants and their stores: applying to the platform and the operator's approval, store details and opening hours,
 * finding stores near a point (PostgreSQL earthdistance on a GiST index), and the merchant's team: who may add, change
 * and disable whose staff account ({@code Team}; identity keeps the accounts).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "notifications"})
@NullMarked
package o2o.merchants;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

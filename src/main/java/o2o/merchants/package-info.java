/**
 * Merchants and their stores: applying to the platform and the operator's approval, store details and opening hours,
 * and finding stores near a point (PostgreSQL earthdistance on a GiST index).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "notifications"})
@NullMarked
package o2o.merchants;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

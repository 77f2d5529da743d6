/**
 * Foot traffic of a mall: the Wi-Fi portal where a customer signs in (phone and SMS code, or their member code) and
 * so records a visit and joins the mall's membership; the door counters' counts per entrance and 15 minutes, posted
 * with the POS keys of the mall's building; and the mall operator's dashboard over both, with the tenants' sales by
 * floor and category (from insights) and the visitors who bought that day (from orders).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "malls", "loyalty", "orders", "insights"})
@NullMarked
package o2o.footfall;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Demo data: a believable Shanghai of merchants, stores and staff (and a menu and tables for the showcase store), seeded at start-up with {@code --demo}
 * (the {@code demo} profile), with its history counted on the dashboards (its first orders reviewed) and a story of campaigns over the
 * last days: saved segments, a finished targeted send whose held-out members show its uplift, and a welcome journey; delivery for every store within its
 * radius, and the showcase store's zones, couriers and orders in three states. Size is {@code o2o.demo.stores}; the bench asks for large sizes through it.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "deals", "coupons", "orders", "loyalty",
        "catalog", "dining", "campaigns", "insights", "reviews", "profiles", "outreach", "delivery", "wallet", "malls",
        "footfall", "mallevents", "parking"})
@NullMarked
package o2o.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

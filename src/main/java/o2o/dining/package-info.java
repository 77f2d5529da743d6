/**
 * Dining in: a store's areas and tables, the QR code on each table (with an optional tracking code), scanning it to
 * open or join the table's session, joining the membership on the way to the menu, and the waiter's view of the floor.
 * Ordering, the kitchen and the bill build on the sessions through {@link o2o.dining.Tables}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "loyalty"})
@NullMarked
package o2o.dining;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The menu: a merchant's categories and items with option groups (规格, 辣度) and their price deltas, each store's
 * price and availability of an item, and the sold-out switch staff flip during service. {@link o2o.catalog.Menu}
 * is what the ordering modules price their lines with, so a line's price is always the server's.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants"})
@NullMarked
package o2o.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

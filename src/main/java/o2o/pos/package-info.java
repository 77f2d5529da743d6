/**
 * A store's point-of-sale system feeding its offline sales in: sales (one by one, or a queued batch after being
 * offline) become POS-channel orders on the member's profile, idempotent by the POS's transaction id; voids and refunds
 * reverse points; the POS looks members up. Authenticated by per-store API keys (identity).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "orders", "loyalty", "merchants"})
@NullMarked
package o2o.pos;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package o2o.pickup.web;

import o2o.catalog.PricedLine;
import o2o.pickup.CartLine;
import org.jspecify.annotations.Nullable;

/** A cart line as the page shows it: priced now, or the reason it cannot be ordered any more. */
record CartRow(int index, CartLine line, @Nullable PricedLine priced, @Nullable String problem) {}

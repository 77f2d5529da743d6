package o2o.pickup;

import o2o.catalog.PricedLine;
import o2o.shared.Problem;

/** A cart line as it would be priced now: its price, or the problem that keeps it from being ordered any more. */
public sealed interface CartLinePrice {

    CartLine line();

    record Priced(CartLine line, PricedLine priced) implements CartLinePrice {}

    /** Sold out, gone from the menu, or its options no longer fit their groups. */
    record Unpriceable(CartLine line, Problem problem) implements CartLinePrice {}
}

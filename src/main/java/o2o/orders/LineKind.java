package o2o.orders;

/** What an order line's {@code refId} names. */
public enum LineKind {
    /** units of a deal */
    DEAL,
    /** a menu item, at the table, for pick-up or delivered */
    DISH,
    /** an even share of a table's bill */
    SHARE,
    /** a booking's deposit */
    DEPOSIT,
    /** stored value at the merchant */
    TOP_UP,
    /** an item of a sale made at the POS */
    POS,
    /** the delivery fee of a delivery order; {@code refId} names the zone that priced it */
    DELIVERY_FEE,
    /** a seat at a mall's event; {@code refId} names the sign-up */
    TICKET
}

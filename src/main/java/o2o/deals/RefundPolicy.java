package o2o.deals;

/** What happens to a voucher nobody used. */
public enum RefundPolicy {
    /** The customer may refund an unused voucher at any time. */
    ANYTIME,
    /** As ANYTIME, and vouchers still unused when they expire are refunded automatically. */
    AUTO_ON_EXPIRY,
    /** Sold as final. */
    NO_REFUND;

    public boolean customerMayRefund() {
        return this != NO_REFUND;
    }
}

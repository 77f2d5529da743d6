package o2o.reservations;

/** Who cancelled a booking: the customer (the deposit's free-cancellation time applies) or the store (never). */
public enum CancelledBy {
    CUSTOMER, STAFF;

    /** As stored and shown: {@code customer} or {@code staff}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CancelledBy of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}

package o2o.delivery;

/**
 * When a delivery ordered now arrives, in minutes, told before paying: the kitchen's time for it behind the orders
 * already waiting, the wait for a courier, and the ride. The 30-minute promise stands only while the whole fits in
 * 30 minutes and the store has room for more orders.
 */
public record Promise(int preparationMinutes, int courierMinutes, int travelMinutes, boolean withinCapacity) {

    public static final int FAST_MINUTES = 30;
    /** How long a free courier on shift takes to come to the counter; a busy fleet takes longer. */
    static final int FREE_COURIER_MINUTES = 3;
    static final int BUSY_COURIER_MINUTES = 12;

    /**
     * @param queued the store's orders paid and not yet ready
     * @param open the store's orders paid and not yet on their way
     * @param courierMinutes the wait for a courier (own: free or busy; a provider's own estimate)
     */
    static Promise of(DeliverySettings settings, int meters, int queued, int open, int courierMinutes) {
        int preparation = settings.preparationMinutes() + queued * settings.minutesPerQueued();
        double metersPerMinute = settings.speedKmh() * 1000.0 / 60;
        int travel = (int) Math.ceil(meters / metersPerMinute);
        return new Promise(preparation, courierMinutes, travel, open < settings.capacity());
    }

    public int minutes() {
        return preparationMinutes + courierMinutes + travelMinutes;
    }

    public boolean thirtyMinutes() {
        return withinCapacity && minutes() <= FAST_MINUTES;
    }
}

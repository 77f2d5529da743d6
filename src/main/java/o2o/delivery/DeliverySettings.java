package o2o.delivery;

import o2o.shared.InvalidInput;
import o2o.shared.Money;

/**
 * How a store delivers.
 *
 * @param preparationMinutes what the kitchen needs for an order when nothing waits before it
 * @param minutesPerQueued what each order already waiting in the kitchen adds
 * @param speedKmh how fast its couriers travel, door to door
 * @param capacity the open orders (paid, not yet on their way) it takes before it stops promising 30 minutes
 * @param provider who carries: {@code own} (the store's couriers) or a courier provider by name
 * @param ownCost what one delivery by its own courier costs it, for the figures
 */
public record DeliverySettings(int preparationMinutes, int minutesPerQueued, int speedKmh, int capacity,
        String provider, Money ownCost) {

    public static final String OWN = "own";
    public static final DeliverySettings DEFAULTS = new DeliverySettings(10, 2, 20, 10, OWN, Money.cny(600));

    public DeliverySettings {
        if (preparationMinutes < 0 || preparationMinutes > 240) {
            throw new InvalidInput("preparationMinutes", "between 0 and 240");
        }
        if (minutesPerQueued < 0 || minutesPerQueued > 60) throw new InvalidInput("minutesPerQueued", "between 0 and 60");
        if (speedKmh < 1 || speedKmh > 120) throw new InvalidInput("speedKmh", "between 1 and 120");
        if (capacity < 1 || capacity > 1000) throw new InvalidInput("capacity", "between 1 and 1000");
        if (!provider.matches("[a-z][a-z0-9-]{1,30}")) throw new InvalidInput("provider", "own or a provider's name");
        ownCost.asPrice("ownCost");
    }

    public boolean ownCouriers() {
        return OWN.equals(provider);
    }
}

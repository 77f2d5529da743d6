package o2o.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import o2o.shared.InvalidInput;
import org.springframework.stereotype.Component;

/** The courier providers this deployment is configured with, by name. */
@Component
class CourierProviders {

    private final Map<String, CourierProvider> byName = new TreeMap<>();

    CourierProviders(List<CourierProvider> providers) {
        for (var provider : providers) byName.put(provider.name(), provider);
    }

    Optional<CourierProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The provider a store's order names; a provider this deployment is not configured with fails loudly, never
     * falls back to another (the listener asking it throws and the request is tried again).
     */
    CourierProvider require(String name) {
        var provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("courier provider '" + name + "' is not configured here (configured: "
                    + byName.keySet() + ")");
        }
        return provider;
    }

    /** Whether a store may choose this way of carrying: its own couriers, or a configured provider. */
    void requireKnown(String name) {
        if (!DeliverySettings.OWN.equals(name) && !byName.containsKey(name)) {
            throw new InvalidInput("provider", "own or one of " + byName.keySet());
        }
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

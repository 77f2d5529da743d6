package o2o.payments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The payment providers of this run by name, looked up on first use: providers are built after the payments
 * module's own services (stored value's provider needs services that need payments), so nobody here can take them
 * in a constructor.
 */
@Component
class Providers {

    private final ObjectProvider<PaymentProvider> beans;
    private volatile Map<String, PaymentProvider> byName = Map.of();

    Providers(ObjectProvider<PaymentProvider> beans) {
        this.beans = beans;
    }

    Optional<PaymentProvider> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    PaymentProvider get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no payment provider " + name + " in this run"));
    }

    /** The providers called over the network (not stored value). */
    List<PaymentProvider> gateways() {
        return all().values().stream().filter(p -> !p.local()).toList();
    }

    private Map<String, PaymentProvider> all() {
        if (byName.isEmpty()) {
            byName = beans.orderedStream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
        }
        return byName;
    }
}

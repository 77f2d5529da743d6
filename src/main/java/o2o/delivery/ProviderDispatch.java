package o2o.delivery;

import o2o.delivery.persistence.DeliveryRows;
import o2o.merchants.Stores;
import o2o.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hands a store's accepted orders to the courier provider it chose, and calls the rider off when such an order is
 * cancelled. A provider that fails (or is not configured here) makes the listener throw, so the event publication
 * stays incomplete and is delivered again; asking twice is safe, the order id being the provider's key.
 */
@Component
class ProviderDispatch {

    private static final Logger log = LoggerFactory.getLogger(ProviderDispatch.class);

    private final DeliveryRows rows;
    private final CourierProviders providers;
    private final Stores stores;
    private final Orders orders;

    ProviderDispatch(DeliveryRows rows, CourierProviders providers, Stores stores, Orders orders) {
        this.rows = rows;
        this.providers = providers;
        this.stores = stores;
        this.orders = orders;
    }

    /** Only the moves of orders a provider carries, and only those it acts on, are recorded as publications. */
    @ApplicationModuleListener(condition = "#moved.provider() != 'own' and (#moved.status().name() == 'ACCEPTED' "
            + "or #moved.status().name() == 'CANCELLED')")
    void on(DeliveryMoved moved) {
        switch (moved.status()) {
            case ACCEPTED -> request(moved);
            case CANCELLED -> cancel(moved);
            default -> {
                // the provider moved it there itself
            }
        }
    }

    private void request(DeliveryMoved moved) {
        var d = rows.find(moved.orderId().value()).orElseThrow();
        if (d.providerRef() != null || d.status().isFinal()) return;
        var provider = providers.require(d.provider());
        var store = stores.find(d.storeId().value())
                .orElseThrow(() -> new IllegalStateException("no store " + d.storeId().value()));
        var order = orders.find(d.orderId().value()).orElseThrow();
        var to = d.destination();
        var accepted = provider.request(new CourierProvider.Job(d.orderId().value().toString(), store.name(),
                store.location(), store.address(), to.point(), to.address(), to.contact(), to.phone(),
                order.subtotal().minus(d.fee())));
        if (!rows.providerTook(d.orderId().value(), accepted.reference(), accepted.price())) {
            log.info("Delivery {} ended while {} took it; calling the rider off", d.orderId().value(), d.provider());
            provider.cancel(accepted.reference());
        }
    }

    private void cancel(DeliveryMoved moved) {
        var ref = rows.find(moved.orderId().value()).map(Delivery::providerRef).orElse(moved.providerRef());
        if (ref != null) providers.require(moved.provider()).cancel(ref);
    }
}

package o2o.insights;

import java.util.Optional;
import java.util.UUID;

import o2o.deals.Deals;
import o2o.insights.persistence.Rollups;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.Orders;
import o2o.shared.OrderId;
import org.springframework.stereotype.Component;

/** Asks the owning modules what a paid order was: one read of the order, and of its deal or store for the city. */
@Component
class Sales {

    static final String UNKNOWN_CITY = "";

    private final Orders orders;
    private final Deals deals;
    private final Stores stores;

    Sales(Orders orders, Deals deals, Stores stores) {
        this.orders = orders;
        this.deals = deals;
        this.stores = stores;
    }

    /** Empty for a top-up, which sells stored value, and for an order that is not found. */
    Optional<Sale> of(OrderId orderId) {
        var found = orders.find(orderId.value());
        if (found.isEmpty() || found.get().channel() == Channel.TOP_UP) return Optional.empty();
        var order = found.get();
        boolean flash = false;
        UUID cityStore = order.storeId() == null ? null : order.storeId().value();
        if (order.channel() == Channel.DEAL) {
            var deal = order.lines().stream().filter(l -> l.kind() == LineKind.DEAL).findFirst()
                    .flatMap(l -> deals.find(l.refId()));
            flash = deal.map(d -> d.terms().flashSale()).orElse(false);
            if (cityStore == null) {
                cityStore = deal.flatMap(d -> d.terms().storeIds().stream().sorted().findFirst()).orElse(null);
            }
        }
        var city = cityStore == null ? UNKNOWN_CITY : stores.find(cityStore).map(Store::city).orElse(UNKNOWN_CITY);
        var store = order.storeId() == null ? Rollups.NO_STORE : order.storeId().value();
        return Optional.of(new Sale(SalesChannel.of(order.channel(), flash), store, city, order.discount().minor(),
                Sale.itemsOf(order.lines())));
    }
}

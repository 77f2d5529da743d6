package o2o.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.deals.Deals;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.shared.CustomerId;
import o2o.shared.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Asks the owning modules what paid orders were: the orders and their lines in one read for a whole batch; whether a
 * deal is a flash sale, and the city a store is in, from a short-lived memory of them (neither changes once sales
 * are made, and a batch names the same few deals and stores again and again).
 */
@Component
class Sales {

    static final String UNKNOWN_CITY = "";

    /** What a sale needs of a deal: whether it is a flash sale, and its first store for the city. */
    private record DealFacts(boolean flashSale, @Nullable UUID firstStore) {}

    private final Orders orders;
    private final Deals deals;
    private final Stores stores;
    private final Cache<UUID, Optional<DealFacts>> dealFacts = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final Cache<UUID, String> cities = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    Sales(Orders orders, Deals deals, Stores stores) {
        this.orders = orders;
        this.deals = deals;
        this.stores = stores;
    }

    /** The orders found, by id; a top-up, which sells stored value, is not a sale and is absent. */
    Map<OrderId, Order> orders(Collection<OrderId> ids) {
        var found = new HashMap<OrderId, Order>();
        for (var order : orders.findAll(ids)) {
            if (order.channel() != Channel.TOP_UP) found.put(order.id(), order);
        }
        return found;
    }

    /** A paid order as the rollups count it: the amount paid, when, and by whom. */
    HistoricSale sale(Order order, long paidMinor, Instant paidAt, @Nullable CustomerId customer) {
        var lines = order.lines().stream()
                .map(l -> new HistoricSale.Line(l.title(), l.quantity(), l.amount().minor())).toList();
        return new HistoricSale(order.id(), order.merchantId(), order.storeId(), city(order), channel(order),
                paidAt, paidMinor, order.discount().minor(), lines, customer);
    }

    SalesChannel channel(Order order) {
        return SalesChannel.of(order.channel(), deal(order).map(DealFacts::flashSale).orElse(false));
    }

    /** The order's store's city; a deal's order names no store, and counts in the city of the deal's first store. */
    String city(Order order) {
        UUID store = order.storeId() != null ? order.storeId().value()
                : deal(order).map(DealFacts::firstStore).orElse(null);
        if (store == null) return UNKNOWN_CITY;
        return cities.get(store, s -> stores.find(s).map(Store::city).orElse(UNKNOWN_CITY));
    }

    private Optional<DealFacts> deal(Order order) {
        if (order.channel() != Channel.DEAL) return Optional.empty();
        return order.lines().stream().filter(l -> l.kind() == LineKind.DEAL).findFirst()
                .flatMap(line -> dealFacts.get(line.refId(), id -> deals.find(id).map(d -> new DealFacts(
                        d.terms().flashSale(), d.terms().storeIds().stream().sorted().findFirst().orElse(null)))));
    }
}

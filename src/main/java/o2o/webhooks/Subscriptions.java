package o2o.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.shared.AfterTransaction;
import o2o.webhooks.persistence.EndpointTable;
import org.springframework.stereotype.Component;

/**
 * Each merchant's endpoints and the event types they subscribed to, as they were at most {@link #REMEMBER} ago:
 * every redemption, paid order and join asked the database whether its merchant had an endpoint for it (most have
 * none), and endpoints change seldom. A change shows on this node at once (adding, changing or removing an endpoint
 * forgets the merchant's) and on any other within that time: an endpoint added there receives the events of the
 * following seconds from this node only after it, and one removed there is no longer written to (its deliveries are
 * written only while the endpoint exists, {@code DeliveryTable.insert}).
 */
@Component
class Subscriptions {

    static final Duration REMEMBER = Duration.ofSeconds(5);

    /** An endpoint and the wire names of the types it wants. */
    record Subscription(UUID endpointId, Set<String> types) {}

    private final EndpointTable table;
    private final Cache<UUID, List<Subscription>> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(100_000)
            .build();

    Subscriptions(EndpointTable table) {
        this.table = table;
    }

    /** The merchant's endpoints subscribed to the type. */
    List<UUID> to(UUID merchantId, EventType type) {
        var all = remembered.get(merchantId, id -> table.subscriptions(id).entrySet().stream()
                .map(e -> new Subscription(e.getKey(), Set.copyOf(e.getValue()))).toList());
        return all.stream().filter(s -> s.types().contains(type.wireName())).map(Subscription::endpointId).toList();
    }

    /**
     * Forgets the merchant's subscriptions now and again when the surrounding transaction ends, so that a request
     * racing the change cannot put the old ones back.
     */
    void forget(UUID merchantId) {
        AfterTransaction.nowAndAtEnd(() -> remembered.invalidate(merchantId));
    }
}

package o2o.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.campaigns.persistence.ScanRows;
import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a code's short link: the scan is recorded and the link lands on the code's page. A scan made before the
 * visitor signed in is bound to the customer on their first signed-in request from that phone.
 */
@Service
public class Scans {

    /** How long a node remembers that a visitor's scans are bound to a customer. */
    static final Duration BOUND_REMEMBERED = Duration.ofMinutes(30);

    private final ScanRows rows;
    private final Clock clock;
    /** Visitor → the customer their scans were last bound to, on this node. */
    private final Cache<UUID, UUID> bound = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(BOUND_REMEMBERED).build();

    Scans(ScanRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The landing page's path once the scan is recorded; empty (nothing recorded) for a code nobody has. */
    public Optional<String> scan(String code, UUID visitorId, @Nullable CustomerId customer, Device device) {
        if (!CodeText.isWellFormed(code)) return Optional.empty();
        if (customer == null) bound.invalidate(visitorId);
        return rows.record(code, visitorId, customer == null ? null : customer.value(), device, clock.instant())
                .map(landing -> TrackingCode.landingPath(landing.target(), landing.targetId()));
    }

    /**
     * Names the customer on the visitor's scans nobody was named on yet (at every merchant), so that what the customer
     * does next is attributed to them. A node does it once per visitor and customer: a page view after that costs a
     * cache hit. A new anonymous scan of the visitor on this node makes the next request bind again.
     */
    @Transactional
    public void bind(UUID visitorId, CustomerId customer) {
        if (customer.value().equals(bound.getIfPresent(visitorId))) return;
        rows.bind(visitorId, customer.value());
        bound.put(visitorId, customer.value());
    }
}

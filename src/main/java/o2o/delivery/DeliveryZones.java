package o2o.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.delivery.persistence.SettingsRows;
import o2o.delivery.persistence.ZoneRows;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.GeoPoint;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's delivery zones and settings: managed by its owner and managers, read on every quote and order. The zones
 * and settings of a store are kept in memory for a short while (a quote is asked for on every change of address); a
 * change here forgets this node's copy at once, other nodes' within {@link #CACHED_FOR}.
 */
@Service
public class DeliveryZones {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final ZoneRows zones;
    private final SettingsRows settings;
    private final Stores stores;
    private final CourierProviders providers;
    private final Clock clock;
    private final Cache<UUID, StoreDelivery> cache = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(CACHED_FOR).build();

    DeliveryZones(ZoneRows zones, SettingsRows settings, Stores stores, CourierProviders providers, Clock clock) {
        this.zones = zones;
        this.settings = settings;
        this.stores = stores;
        this.providers = providers;
        this.clock = clock;
    }

    /** A store's active zones in the order they are tried, and how it delivers. */
    record StoreDelivery(List<Zone> zones, DeliverySettings settings) {

        /**
         * The zone that delivers to this point now: the first by priority that covers it and is open.
         *
         * @throws Problem 422 {@code outside-delivery-zone} when no zone covers it; 409 {@code delivery-closed} when
         *     the zones that cover it are closed now
         */
        Zone serving(Store store, GeoPoint point, Instant now) {
            boolean covered = false;
            for (var zone : zones) {
                if (!zone.covers(store, point)) continue;
                covered = true;
                if (zone.openAt(store, now)) return zone;
            }
            if (covered) {
                throw new Problem(HttpStatus.CONFLICT, "delivery-closed", store.name() + " is not delivering now",
                        store.name());
            }
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "outside-delivery-zone",
                    store.name() + " does not deliver to this address", store.name());
        }
    }

    StoreDelivery of(UUID storeId) {
        return cache.get(storeId, id -> new StoreDelivery(zones.ofStore(id),
                settings.find(id).orElse(DeliverySettings.DEFAULTS)));
    }

    /** Whether the store has any active zone (pages offer delivery by it; the zone is still checked on ordering). */
    public boolean delivers(UUID storeId) {
        return !of(storeId).zones().isEmpty();
    }

    @Transactional(readOnly = true)
    public List<Zone> zones(StaffPrincipal staff, UUID storeId) {
        return zones.ofStore(stores.get(staff, storeId).id());
    }

    /** Adds a zone ({@code id} null) or replaces one of the store's; owners and managers only. */
    @Transactional
    public Zone save(StaffPrincipal staff, StoreId storeId, @org.jspecify.annotations.Nullable UUID zoneId,
            ZoneDraft draft) {
        var store = managed(staff, storeId.value());
        var zone = draft.toZone(zoneId == null ? Ids.next() : zoneId, new MerchantId(store.merchantId()),
                new StoreId(store.id()));
        if (!zones.save(zone, clock.instant())) throw Problem.notFound("zone");
        cache.invalidate(store.id());
        return zone;
    }

    @Transactional
    public void remove(StaffPrincipal staff, StoreId storeId, UUID zoneId) {
        var store = managed(staff, storeId.value());
        if (!zones.deactivate(store.merchantId(), store.id(), zoneId, clock.instant())) {
            throw Problem.notFound("zone");
        }
        cache.invalidate(store.id());
    }

    @Transactional(readOnly = true)
    public DeliverySettings settings(StaffPrincipal staff, UUID storeId) {
        return settings.find(stores.get(staff, storeId).id()).orElse(DeliverySettings.DEFAULTS);
    }

    /**
     * Changes how the store delivers.
     *
     * @throws o2o.shared.InvalidInput (400) for a courier provider this deployment is not configured with
     */
    @Transactional
    public DeliverySettings save(StaffPrincipal staff, UUID storeId, DeliverySettings changed) {
        var store = managed(staff, storeId);
        providers.requireKnown(changed.provider());
        settings.save(store.merchantId(), store.id(), changed, clock.instant());
        cache.invalidate(store.id());
        return changed;
    }

    /** Who may carry a store's orders besides its own couriers: the courier providers configured here, by name. */
    public List<String> providers() {
        return providers.names();
    }

    private Store managed(StaffPrincipal staff, UUID storeId) {
        var store = stores.get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers set up delivery");
        return store;
    }
}

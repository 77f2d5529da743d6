package o2o.merchants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.identity.StaffPrincipal;
import o2o.merchants.persistence.StoreRows;
import o2o.merchants.persistence.StoreRows.NearbyRow;
import o2o.shared.AfterTransaction;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for stores: staff manage their merchant's stores; anybody finds listed stores near a point.
 * Staff of another merchant get "not found" for a store, so they cannot even learn that it exists.
 *
 * <p>Nearly every request at a store (a redemption, a dish added at a table, a kitchen move, a POS sale) first finds
 * the store, and stores change seldom, so a store found is remembered for {@link #REMEMBER}: an edit shows on this
 * node at once (the change forgets the entry) and on any other within that time.
 */
@Service
public class Stores {

    static final Duration REMEMBER = Duration.ofSeconds(5);

    private final StoreRows rows;
    private final Clock clock;
    private final List<StoreHighlights> highlights;
    private final List<StoreRatings> ratings;
    private final Cache<UUID, Store> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(20_000)
            .build();

    Stores(StoreRows rows, Clock clock, List<StoreHighlights> highlights, List<StoreRatings> ratings) {
        this.rows = rows;
        this.clock = clock;
        this.highlights = highlights;
        this.ratings = ratings;
    }

    @Transactional(readOnly = true)
    public Page<NearbyStore> nearby(NearbyQuery query) {
        var after = NearbyCursor.decode(query.cursor());
        var now = clock.instant();
        var found = rows.nearby(query, after == null ? null : after.key(), after == null ? null : after.id(),
                query.limit() + 1, now);
        var page = found.size() <= query.limit() ? found : found.subList(0, query.limit());
        var items = withRatings(withHighlights(page.stream().map(NearbyRow::store).toList(), now));
        if (found.size() <= query.limit()) return new Page<>(items, null);
        var last = page.getLast();
        return new Page<>(items, new NearbyCursor(last.sortKey(), last.store().id()).encode());
    }

    /** What is on offer at one store now, from every module that sells in stores. */
    @Transactional(readOnly = true)
    public List<StoreHighlight> highlightsAt(UUID storeId) {
        var now = clock.instant();
        return highlights.stream().flatMap(h -> h.at(List.of(storeId), now).getOrDefault(storeId, List.of()).stream())
                .toList();
    }

    private List<NearbyStore> withHighlights(List<NearbyStore> stores, Instant now) {
        if (highlights.isEmpty() || stores.isEmpty()) return stores;
        var ids = stores.stream().map(NearbyStore::id).toList();
        var found = new HashMap<UUID, List<StoreHighlight>>();
        for (var source : highlights) {
            source.at(ids, now).forEach((id, list) -> found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
        }
        return stores.stream().map(s -> s.withHighlights(List.copyOf(found.getOrDefault(s.id(), List.of())))).toList();
    }

    /** One question per source for the whole page: the list is a hot path, so never one per store. */
    private List<NearbyStore> withRatings(List<NearbyStore> stores) {
        if (ratings.isEmpty() || stores.isEmpty()) return stores;
        var ids = stores.stream().map(NearbyStore::id).toList();
        var found = new HashMap<UUID, StoreRating>();
        for (var source : ratings) found.putAll(source.of(ids));
        return stores.stream().map(s -> s.withRating(found.get(s.id()))).toList();
    }

    /** The store as it was at most {@link #REMEMBER} ago (at once after an edit on this node). */
    @Transactional(readOnly = true)
    public Optional<Store> find(UUID storeId) {
        var known = remembered.getIfPresent(storeId);
        if (known != null) return Optional.of(known);
        var found = rows.find(storeId);
        found.ifPresent(store -> remembered.put(storeId, store));
        return found;
    }

    /** Many stores at once (one read for those not remembered), by id; unknown ids are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Store> findAll(java.util.Collection<UUID> storeIds) {
        var found = new java.util.HashMap<>(remembered.getAllPresent(storeIds));
        var missing = storeIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) return found;
        for (var store : rows.findAll(missing)) {
            remembered.put(store.id(), store);
            found.put(store.id(), store);
        }
        return found;
    }

    /**
     * Forgets what is remembered of these stores (all of them when null) now and again when the surrounding
     * transaction ends, so that a request racing the change cannot put the old row back.
     */
    void forget(@Nullable Collection<UUID> storeIds) {
        AfterTransaction.nowAndAtEnd(storeIds == null ? remembered::invalidateAll
                : () -> remembered.invalidateAll(storeIds));
    }

    /** A listed store, as customers see it. */
    @Transactional(readOnly = true)
    public Optional<Store> findListed(UUID storeId) {
        return find(storeId).filter(Store::listed);
    }

    /** The stores this staff member may see: all of the merchant's, or those they are limited to. */
    @Transactional(readOnly = true)
    public List<Store> visibleTo(StaffPrincipal staff) {
        if (staff.merchantId() == null) return List.of();
        return rows.ofMerchant(staff.merchantId(), List.copyOf(staff.storeIds()));
    }

    /** A store as its staff see it; another merchant's store is "not found". */
    @Transactional(readOnly = true)
    public Store get(StaffPrincipal staff, UUID storeId) {
        return find(storeId)
                .filter(store -> staff.canActIn(new MerchantId(store.merchantId()), new StoreId(store.id())))
                .orElseThrow(() -> Problem.notFound("store"));
    }

    @Transactional
    public Store open(StaffPrincipal staff, StoreDetails details) {
        if (staff.merchantId() == null || !staff.role().manages() || !staff.storeIds().isEmpty()) {
            throw Problem.forbidden("only the owner or a merchant-wide manager opens stores");
        }
        var id = Ids.next();
        rows.insert(id, staff.merchantId(), details, clock.instant());
        return rows.find(id).orElseThrow();
    }

    @Transactional
    public Store update(StaffPrincipal staff, UUID storeId, StoreDetails details) {
        var store = get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers edit stores");
        rows.update(store.id(), store.merchantId(), details, clock.instant());
        forget(List.of(store.id()));
        return rows.find(store.id()).orElseThrow();
    }
}

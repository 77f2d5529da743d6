package o2o.merchants;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.merchants.persistence.StoreRows;
import o2o.merchants.persistence.StoreRows.NearbyRow;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for stores: staff manage their merchant's stores; anybody finds listed stores near a point.
 * Staff of another merchant get "not found" for a store, so they cannot even learn that it exists.
 */
@Service
public class Stores {

    private final StoreRows rows;
    private final Clock clock;
    private final List<StoreHighlights> highlights;
    private final List<StoreRatings> ratings;

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

    @Transactional(readOnly = true)
    public Optional<Store> find(UUID storeId) {
        return rows.find(storeId);
    }

    /** Many stores at once (one read), by id; unknown ids are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Store> findAll(java.util.Collection<UUID> storeIds) {
        var found = new java.util.HashMap<UUID, Store>();
        for (var store : rows.findAll(storeIds)) found.put(store.id(), store);
        return found;
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
        return find(id).orElseThrow();
    }

    @Transactional
    public Store update(StaffPrincipal staff, UUID storeId, StoreDetails details) {
        var store = get(staff, storeId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers edit stores");
        rows.update(store.id(), store.merchantId(), details, clock.instant());
        return find(store.id()).orElseThrow();
    }
}

package o2o.mallguide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.deals.Deal;
import o2o.deals.Deals;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.malls.Tenant;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mall's public guide: its directory by floor and category, a tenant's deals and menu, and a search across every
 * tenant's deals and menu items. Every page asks each module once for all the tenants (no read per tenant).
 */
@Service
public class MallGuide {

    static final int SEARCH_LIMIT = 50;

    private final Malls malls;
    private final Stores stores;
    private final Deals deals;
    private final Menu menu;

    MallGuide(Malls malls, Stores stores, Deals deals, Menu menu) {
        this.malls = malls;
        this.stores = stores;
        this.deals = deals;
        this.menu = menu;
    }

    /** A tenant as the guide shows it: its unit, floor, category, store and how many deals it has on sale. */
    public record TenantCard(Tenant tenant, Store store, String floorName, int deals) {}

    /** The mall's page: its building (address, hours), floors and tenants, the categories they are in. */
    public record Directory(Mall mall, Store building, List<TenantCard> tenants, List<String> categories) {}

    /** One tenant's page within the guide: its deals on sale and its menu. */
    public record TenantPage(Mall mall, TenantCard tenant, List<Deal> deals, Menu.StoreMenu menu) {}

    public enum HitKind { DEAL, ITEM }

    /** A deal or a menu item found, with the tenant it is of. */
    public record Hit(HitKind kind, TenantCard tenant, UUID id, String name, String description, Money price,
            boolean soldOut, boolean needsOptions) {}

    @Transactional(readOnly = true)
    public Directory directory(MallId mallId, @Nullable Integer floor, @Nullable String category) {
        var mall = mall(mallId);
        var tenants = malls.tenants(mall.id());
        var all = cards(mall, tenants,
                deals.onSaleAtAny(tenants.stream().map(Tenant::store).toList()));
        var categories = all.stream().map(c -> c.tenant().category()).distinct().sorted().toList();
        var shown = all.stream()
                .filter(c -> floor == null || c.tenant().floor() == floor)
                .filter(c -> category == null || category.isBlank() || c.tenant().category().equals(category))
                .toList();
        return new Directory(mall, malls.building(mall), shown, categories);
    }

    @Transactional(readOnly = true)
    public TenantPage tenant(MallId mallId, StoreId storeId) {
        var mall = mall(mallId);
        var tenant = malls.tenant(storeId).filter(t -> t.mall().equals(mall.id()))
                .orElseThrow(() -> Problem.notFound("store"));
        var store = stores.findListed(storeId.value()).filter(Store::active)
                .orElseThrow(() -> Problem.notFound("store"));
        var onSale = deals.onSaleAt(storeId.value());
        return new TenantPage(mall, new TenantCard(tenant, store, floorName(mall, tenant), onSale.size()), onSale,
                menu.menuOf(storeId.value()));
    }

    /**
     * Every tenant's deals and menu items whose name (or description) holds the text, Chinese or not: a name that is
     * the text, then one starting with it, then one holding it (shorter first), then a description holding it.
     */
    @Transactional(readOnly = true)
    public List<Hit> search(MallId mallId, String text) {
        var typed = text.strip();
        if (typed.isEmpty() || typed.length() > 40) throw new InvalidInput("q", "1 to 40 characters");
        var mall = mall(mallId);
        var cards = cards(mall, malls.tenants(mall.id()), List.of());
        var byStore = new HashMap<StoreId, TenantCard>();
        var merchants = new HashMap<StoreId, MerchantId>();
        for (var card : cards) {
            byStore.put(card.tenant().store(), card);
            merchants.put(card.tenant().store(), new MerchantId(card.store().merchantId()));
        }
        var hits = new ArrayList<Hit>();
        for (var deal : deals.search(byStore.keySet(), typed, SEARCH_LIMIT)) {
            cards.stream().filter(c -> deal.usableIn(c.store().id()) && c.store().merchantId().equals(deal.merchantId()))
                    .findFirst()
                    .ifPresent(card -> hits.add(new Hit(HitKind.DEAL, card, deal.id(), deal.terms().title(),
                            deal.terms().description(), deal.terms().price(), false, false)));
        }
        for (var item : menu.search(merchants, typed, SEARCH_LIMIT)) {
            var card = byStore.get(item.storeId());
            hits.add(new Hit(HitKind.ITEM, card, item.itemId(), item.name(), item.description(), item.price(),
                    item.soldOut(), item.needsOptions()));
        }
        var needle = typed.toLowerCase(Locale.ROOT);
        hits.sort(Comparator.comparingInt((Hit h) -> rank(h.name(), needle)).thenComparingInt(h -> h.name().length()));
        return hits.size() > SEARCH_LIMIT ? List.copyOf(hits.subList(0, SEARCH_LIMIT)) : List.copyOf(hits);
    }

    private static int rank(String name, String needle) {
        var lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(needle)) return 0;
        if (lower.startsWith(needle)) return 1;
        return lower.contains(needle) ? 2 : 3;
    }

    private Mall mall(MallId id) {
        return malls.find(id).orElseThrow(() -> Problem.notFound("mall"));
    }

    /** The mall's tenants whose stores customers may see, by floor and unit, with their deals counted. */
    private List<TenantCard> cards(Mall mall, List<Tenant> tenants, List<Deal> onSale) {
        Map<UUID, Store> found = stores.findAll(tenants.stream().map(t -> t.store().value()).toList());
        var cards = new ArrayList<TenantCard>();
        for (var tenant : tenants) {
            var store = found.get(tenant.store().value());
            if (store == null || !store.listed() || !store.active()) continue;
            int count = (int) onSale.stream().filter(d -> d.usableIn(store.id())).count();
            cards.add(new TenantCard(tenant, store, floorName(mall, tenant), count));
        }
        return cards;
    }

    private static String floorName(Mall mall, Tenant tenant) {
        return mall.floor(tenant.floor()).map(o2o.malls.Floor::name).orElse(String.valueOf(tenant.floor()));
    }
}

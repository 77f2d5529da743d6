package o2o.deals;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.deals.persistence.DealRows;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.merchants.Stores;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: merchants create and end deals, customers see what is on sale; buying one is {@link DealOrders}.
 *
 * <p>A deal's terms never change once it is created (ending it changes whether it sells, not its terms), so the
 * terms of a deal read once are remembered on the node for a while: a redemption, a voucher's issue and a refund read
 * them there, and only a deal's stock and whether it still sells are read from the database every time.
 */
@Service
public class Deals {

    private static final Duration REMEMBER_TERMS = Duration.ofMinutes(10);

    private final DealRows rows;
    private final Stores stores;
    private final Merchants merchants;
    private final DealHighlights highlights;
    private final Clock clock;
    private final Cache<UUID, DealTerms> terms = Caffeine.newBuilder()
            .expireAfterAccess(REMEMBER_TERMS)
            .maximumSize(20_000)
            .build();

    Deals(DealRows rows, Stores stores, Merchants merchants, DealHighlights highlights, Clock clock) {
        this.rows = rows;
        this.stores = stores;
        this.merchants = merchants;
        this.highlights = highlights;
        this.clock = clock;
    }

    @Transactional
    public Deal create(StaffPrincipal staff, DealTerms terms) {
        var merchantId = staff.merchantId();
        if (merchantId == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers create deals");
        }
        terms.price().asPrice("price"); // a deal asks at most Money.MAX_PRICE_MINOR, so orders of it never overflow
        terms.originalPrice().asPrice("originalPrice");
        for (var storeId : terms.storeIds()) {
            stores.find(storeId)
                    .filter(store -> staff.canActIn(new MerchantId(store.merchantId()), new StoreId(store.id())))
                    .orElseThrow(() -> Problem.notFound("store"));
        }
        var id = Ids.next();
        rows.insert(id, merchantId, terms, clock.instant());
        highlights.forget(terms.storeIds());
        return find(id).orElseThrow();
    }

    /** Stops selling; vouchers already sold stay valid. */
    @Transactional
    public Deal end(StaffPrincipal staff, UUID dealId) {
        var deal = ofStaff(staff, dealId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers end deals");
        rows.end(deal.id());
        highlights.forget(deal.terms().storeIds());
        return find(deal.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Deal> find(UUID dealId) {
        return rows.find(dealId);
    }

    /** A deal's terms, remembered once read (they never change); empty for a deal that does not exist. */
    public Optional<DealTerms> terms(UUID dealId) {
        var known = terms.getIfPresent(dealId);
        if (known != null) return Optional.of(known);
        var found = rows.find(dealId).map(Deal::terms);
        found.ifPresent(read -> terms.put(dealId, read));
        return found;
    }

    /** A deal as its merchant's staff see it; another merchant's deal is "not found". */
    @Transactional(readOnly = true)
    public Deal ofStaff(StaffPrincipal staff, UUID dealId) {
        return find(dealId).filter(d -> staff.worksFor(d.merchantId())).orElseThrow(() -> Problem.notFound("deal"));
    }

    @Transactional(readOnly = true)
    public List<Deal> ofMerchant(StaffPrincipal staff) {
        var merchantId = staff.merchantId();
        return merchantId == null ? List.of() : rows.ofMerchant(merchantId);
    }

    /** Deals on sale now that can be used at this store, of approved merchants. */
    @Transactional(readOnly = true)
    public List<Deal> onSaleAt(UUID storeId) {
        var onSale = rows.onSaleAt(storeId, clock.instant());
        var merchantsOf = merchantsOf(onSale);
        return onSale.stream()
                .filter(deal -> merchantsOf.containsKey(deal.merchantId())
                        && merchantsOf.get(deal.merchantId()).status() == MerchantStatus.APPROVED)
                .toList();
    }

    /** Deals on sale now, of approved merchants, usable at any of these stores; two reads for all of them. */
    @Transactional(readOnly = true)
    public List<Deal> onSaleAtAny(Collection<StoreId> stores) {
        return approved(rows.onSaleAtAny(stores.stream().map(StoreId::value).distinct().toList(), clock.instant()));
    }

    /**
     * Deals on sale now, of approved merchants, usable at any of these stores, whose title, description or contents
     * hold the text (best matches first, at most {@code limit}); two reads whatever the number of stores.
     */
    @Transactional(readOnly = true)
    public List<Deal> search(Collection<StoreId> stores, String text, int limit) {
        var typed = text.strip();
        if (typed.isEmpty() || typed.length() > 40) throw new o2o.shared.InvalidInput("q", "1 to 40 characters");
        if (limit < 1 || limit > 200) throw new o2o.shared.InvalidInput("limit", "between 1 and 200");
        return approved(rows.search(stores.stream().map(StoreId::value).distinct().toList(), typed,
                clock.instant(), limit));
    }

    private List<Deal> approved(List<Deal> deals) {
        if (deals.isEmpty()) return deals;
        var merchantsOf = merchantsOf(deals);
        return deals.stream()
                .filter(deal -> merchantsOf.containsKey(deal.merchantId())
                        && merchantsOf.get(deal.merchantId()).status() == MerchantStatus.APPROVED)
                .toList();
    }

    /** The names of the deals' merchants, by merchant id, for showing the deals. */
    @Transactional(readOnly = true)
    public Map<UUID, String> merchantNames(Collection<Deal> deals) {
        var names = new HashMap<UUID, String>();
        merchantsOf(deals).forEach((id, merchant) -> names.put(id, merchant.name()));
        return names;
    }

    private Map<UUID, Merchant> merchantsOf(Collection<Deal> deals) {
        return merchants.findAll(deals.stream().map(Deal::merchantId).collect(Collectors.toSet()));
    }
}

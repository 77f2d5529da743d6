package o2o.commissions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;

/**
 * Every rate, arranged to answer which rate each taker takes of a merchant's order on a day: per taker, the latest
 * rate for the merchant itself that had begun by that day, else the latest for the merchant's category. The platform's
 * category is the merchant's own ({@code merchants}); a taker merchant's (a mall's) is the one the merchant rents
 * under in its mall, so a mall's category rate reaches only its tenants. A taker never takes commission of itself, and
 * a rate of 0 is no charge (a merchant's own 0 exempts it from its category's rate).
 */
final class RateCard {

    static final RateCard EMPTY = new RateCard(List.of());

    private final Map<MerchantId, List<CommissionRate>> byMerchant = new HashMap<>();
    private final Map<String, List<CommissionRate>> byCategory = new HashMap<>();

    RateCard(Collection<CommissionRate> rates) {
        for (var rate : rates) {
            if (rate.merchant() != null) {
                byMerchant.computeIfAbsent(rate.merchant(), m -> new java.util.ArrayList<>()).add(rate);
            } else if (rate.category() != null) {
                byCategory.computeIfAbsent(rate.category(), c -> new java.util.ArrayList<>()).add(rate);
            }
        }
    }

    /** Whether a rate may apply to this merchant's orders without knowing its category. */
    boolean mayCharge(MerchantId merchant) {
        return !byCategory.isEmpty() || byMerchant.containsKey(merchant);
    }

    /** Whether the platform charges a category: the merchants' own categories are needed. */
    boolean hasPlatformCategoryRates() {
        return byCategory.values().stream().flatMap(List::stream).anyMatch(r -> r.taker().isPlatform());
    }

    /** Whether a taker merchant charges a category of its tenants: their tenancies are needed. */
    boolean hasTenantCategoryRates() {
        return byCategory.values().stream().flatMap(List::stream).anyMatch(r -> !r.taker().isPlatform());
    }

    /**
     * The rate (basis points, more than 0) each taker takes of the merchant's orders paid on this day, given the
     * merchant's own category and the category it rents under by each mall's merchant ({@code tenantOf}).
     */
    Map<Taker, Integer> ratesFor(MerchantId merchant, @Nullable String category, Map<MerchantId, String> tenantOf,
            LocalDate day) {
        var own = latestPerTaker(byMerchant.getOrDefault(merchant, List.of()), day);
        var ofCategory = latestPerTaker(category == null ? List.of() : byCategory.getOrDefault(category, List.of())
                .stream().filter(r -> r.taker().isPlatform()).toList(), day);
        tenantOf.forEach((mallOwner, rentedAs) -> ofCategory.putAll(latestPerTaker(byCategory
                .getOrDefault(rentedAs, List.of()).stream().filter(r -> mallOwner.equals(r.taker().merchant()))
                .toList(), day)));
        var takers = new HashSet<Taker>(own.keySet());
        takers.addAll(ofCategory.keySet());
        var found = new LinkedHashMap<Taker, Integer>();
        for (var taker : sorted(takers)) {
            if (merchant.equals(taker.merchant())) continue;
            var rate = own.containsKey(taker) ? own.get(taker) : ofCategory.get(taker);
            if (rate != null && rate.rateBps() > 0) found.put(taker, rate.rateBps());
        }
        return found;
    }

    private static Map<Taker, CommissionRate> latestPerTaker(List<CommissionRate> rates, LocalDate day) {
        var latest = new HashMap<Taker, CommissionRate>();
        for (var rate : rates) {
            if (rate.validFrom().isAfter(day)) continue;
            latest.merge(rate.taker(), rate, (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b);
        }
        return latest;
    }

    /** The platform first, then taker merchants by id: the same order on every node. */
    private static List<Taker> sorted(Set<Taker> takers) {
        return takers.stream().sorted(java.util.Comparator.comparing((Taker t) -> !t.isPlatform())
                .thenComparing(Taker::key)).toList();
    }
}

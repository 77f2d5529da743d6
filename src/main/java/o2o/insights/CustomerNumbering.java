package o2o.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.insights.persistence.CustomerSets;
import o2o.insights.persistence.CustomerSets.Known;
import o2o.insights.persistence.CustomerSets.MerchantDay;
import org.springframework.stereotype.Component;

/**
 * Adds known customers' orders to the days' customer sets ({@link DayCustomers}). A customer new at a merchant gets
 * the merchant's next number; one whose orders now reach back before their first order day moves their first order
 * to the earlier day (history imported late). Reads, changes and writes back, so callers hold the rollups' lock.
 */
@Component
class CustomerNumbering {

    /** A customer's orders at a merchant on a day. */
    record CustomerDay(UUID merchant, LocalDate day, UUID customer) {}

    private record Pair(UUID merchant, UUID customer) {}

    private final CustomerSets sets;

    CustomerNumbering(CustomerSets sets) {
        this.sets = sets;
    }

    void add(Map<CustomerDay, Long> orders) {
        if (orders.isEmpty()) return;
        var earliest = new HashMap<Pair, LocalDate>();
        orders.keySet().forEach(o -> earliest.merge(new Pair(o.merchant(), o.customer()), o.day(),
                (a, b) -> a.isBefore(b) ? a : b));
        var pairs = new ArrayList<>(earliest.keySet());
        var known = new HashMap<Pair, Known>();
        for (var k : sets.known(pairs.stream().map(Pair::merchant).toList(),
                pairs.stream().map(Pair::customer).toList())) {
            known.put(new Pair(k.merchant(), k.customer()), k);
        }
        var keys = new HashSet<MerchantDay>();
        orders.keySet().forEach(o -> keys.add(new MerchantDay(o.merchant(), o.day())));
        known.values().forEach(k -> keys.add(new MerchantDay(k.merchant(), k.firstOrderDay())));
        var days = sets.days(keys);
        var last = sets.lastOrdinals(pairs.stream().filter(p -> !known.containsKey(p)).map(Pair::merchant)
                .distinct().toList());
        var changed = new ArrayList<Known>();
        for (var pair : pairs) {
            var first = earliest.get(pair);
            var before = known.get(pair);
            if (before != null && !first.isBefore(before.firstOrderDay())) continue;
            int ordinal;
            if (before == null) {
                ordinal = last.merge(pair.merchant(), 1, Integer::sum);
            } else {
                ordinal = before.ordinal();
                day(days, pair.merchant(), before.firstOrderDay()).firstOrder(ordinal, false);
            }
            day(days, pair.merchant(), first).firstOrder(ordinal, true);
            var now = new Known(pair.merchant(), pair.customer(), ordinal, first);
            known.put(pair, now);
            changed.add(now);
        }
        orders.forEach((o, n) -> day(days, o.merchant(), o.day())
                .ordered(known.get(new Pair(o.merchant(), o.customer())).ordinal(), n));
        sets.saveDays(days);
        sets.saveCustomers(changed);
    }

    private static DayCustomers day(Map<MerchantDay, DayCustomers> days, UUID merchant, LocalDate day) {
        return days.computeIfAbsent(new MerchantDay(merchant, day), k -> DayCustomers.none());
    }
}

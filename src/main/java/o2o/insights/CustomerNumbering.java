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
import o2o.insights.persistence.CustomerSets.Slice;
import org.springframework.stereotype.Component;

/**
 * Adds known customers' orders to the customer sets of their day and of their month ({@link DayCustomers}). A
 * customer new at a merchant gets the merchant's next number; one whose orders now reach back before their first
 * order day moves their first order to the earlier day (history imported late). Reads, changes and writes back, so
 * callers hold the rollups' lock.
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
        var keys = new HashSet<Slice>();
        orders.keySet().forEach(o -> keys.addAll(slicesOf(o.merchant(), o.day())));
        known.values().forEach(k -> keys.addAll(slicesOf(k.merchant(), k.firstOrderDay())));
        var slices = sets.slices(keys);
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
                for (var slice : slicesOf(pair.merchant(), before.firstOrderDay())) {
                    of(slices, slice).firstOrder(ordinal, false);
                }
            }
            for (var slice : slicesOf(pair.merchant(), first)) of(slices, slice).firstOrder(ordinal, true);
            var now = new Known(pair.merchant(), pair.customer(), ordinal, first);
            known.put(pair, now);
            changed.add(now);
        }
        orders.forEach((o, n) -> {
            int ordinal = known.get(new Pair(o.merchant(), o.customer())).ordinal();
            for (var slice : slicesOf(o.merchant(), o.day())) of(slices, slice).ordered(ordinal, n);
        });
        sets.saveSlices(slices);
        sets.saveCustomers(changed);
    }

    private static List<Slice> slicesOf(UUID merchant, LocalDate day) {
        return List.of(Slice.day(merchant, day), Slice.monthOf(merchant, day));
    }

    private static DayCustomers of(Map<Slice, DayCustomers> slices, Slice slice) {
        return slices.computeIfAbsent(slice, k -> DayCustomers.none());
    }
}

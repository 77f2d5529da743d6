package o2o.profiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.profiles.persistence.ProfileDetails;
import o2o.profiles.persistence.ProfileDetails.CategoryRow;
import o2o.profiles.persistence.ProfileDetails.ChannelRow;
import o2o.profiles.persistence.ProfileDetails.ItemRow;
import o2o.profiles.persistence.ProfileDetails.StoreRow;
import o2o.profiles.persistence.ProfileRows;
import o2o.profiles.persistence.ProfileRows.DayRow;
import o2o.profiles.persistence.ProfileRows.FactDelta;
import o2o.profiles.persistence.ProfileRows.MemberKey;
import org.jspecify.annotations.Nullable;

/**
 * A batch of facts added up in memory, so that each row is written once per batch: one statement per table, then the
 * touched members' windows summed again from their days. Each fact is added under every scope that sees it: its
 * merchant's, and its group's when the merchant is in a group program ({@link ProfileScopes}); the rows' merchant
 * column holds the scope.
 */
final class ProfileBatch {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One line bought: its title, how many, for how much (minor units), and its menu category if it has one. */
    record Line(String title, long quantity, long amount, @Nullable String category) {}

    private record DayKey(UUID merchant, UUID customer, LocalDate day) {}

    private record StoreKey(UUID merchant, UUID customer, UUID store) {}

    private record ItemKey(UUID merchant, UUID customer, String title) {}

    private record CategoryKey(UUID merchant, UUID customer, String category) {}

    private record ChannelKey(UUID merchant, UUID customer, String channel) {}

    private final Map<DayKey, long[]> days = new LinkedHashMap<>();
    private final Map<MemberKey, FactDelta> facts = new LinkedHashMap<>();
    private final Map<StoreKey, Long> stores = new LinkedHashMap<>();
    private final Map<ItemKey, long[]> items = new LinkedHashMap<>();
    private final Map<ChannelKey, Long> channels = new LinkedHashMap<>();
    private final Map<CategoryKey, long[]> categories = new LinkedHashMap<>();
    private final Map<UUID, UUID> groupScopes;

    /** {@code groupScopes}: for the batch's merchants in a group program, their group's scope. */
    ProfileBatch(Map<UUID, UUID> groupScopes) {
        this.groupScopes = Map.copyOf(groupScopes);
    }

    void paid(UUID merchant, UUID customer, @Nullable UUID store, String channel, Instant at, long total,
            List<Line> lines) {
        for (var scope : scopes(merchant)) paidIn(scope, customer, store, channel, at, total, lines);
    }

    /** Money back on an order paid at {@code paidAt}: taken off that day's spend, and off the lifetime's. */
    void refunded(UUID merchant, UUID customer, Instant paidAt, long amount) {
        for (var scope : scopes(merchant)) {
            day(scope, customer, paidAt, 0, -amount);
            fact(scope, customer, null, null, 0, -amount);
        }
    }

    void joined(UUID merchant, UUID customer, Instant at) {
        for (var scope : scopes(merchant)) fact(scope, customer, at, null, 0, 0);
    }

    private List<UUID> scopes(UUID merchant) {
        var group = groupScopes.get(merchant);
        return group == null ? List.of(merchant) : List.of(merchant, group);
    }

    private void paidIn(UUID merchant, UUID customer, @Nullable UUID store, String channel, Instant at, long total,
            List<Line> lines) {
        day(merchant, customer, at, 1, total);
        fact(merchant, customer, null, at, 1, total);
        if (store != null) stores.merge(new StoreKey(merchant, customer, store), 1L, Long::sum);
        channels.merge(new ChannelKey(merchant, customer, channel), 1L, Long::sum);
        for (var line : lines) {
            var sum = items.computeIfAbsent(new ItemKey(merchant, customer, line.title()), k -> new long[2]);
            sum[0] += line.quantity();
            sum[1] += line.amount();
            if (line.category() == null) continue;
            var inCategory = categories.computeIfAbsent(new CategoryKey(merchant, customer, line.category()),
                    k -> new long[2]);
            inCategory[0] += line.quantity();
            inCategory[1] += line.amount();
        }
    }

    /** The members whose facts this batch changes. */
    List<MemberKey> members() {
        return new ArrayList<>(facts.keySet());
    }

    boolean isEmpty() {
        return facts.isEmpty();
    }

    void writeTo(ProfileRows rows, ProfileDetails details, LocalDate today) {
        var dayRows = new ArrayList<DayRow>(days.size());
        days.forEach((k, v) -> dayRows.add(new DayRow(k.merchant(), k.customer(), k.day(), (int) v[0], v[1])));
        rows.addDays(dayRows);
        rows.addFacts(new ArrayList<>(facts.values()));
        details.addStores(stores.entrySet().stream().map(e -> new StoreRow(e.getKey().merchant(),
                e.getKey().customer(), e.getKey().store(), e.getValue())).toList());
        details.addItems(items.entrySet().stream().map(e -> new ItemRow(e.getKey().merchant(), e.getKey().customer(),
                e.getKey().title(), e.getValue()[0], e.getValue()[1])).toList());
        details.addCategories(categories.entrySet().stream().map(e -> new CategoryRow(e.getKey().merchant(),
                e.getKey().customer(), e.getKey().category(), e.getValue()[0], e.getValue()[1])).toList());
        details.addChannels(channels.entrySet().stream().map(e -> new ChannelRow(e.getKey().merchant(),
                e.getKey().customer(), e.getKey().channel(), e.getValue())).toList());
        rows.sumWindows(new ArrayList<>(facts.keySet()), today);
    }

    private void day(UUID merchant, UUID customer, Instant at, int visits, long spend) {
        var sum = days.computeIfAbsent(new DayKey(merchant, customer, LocalDate.ofInstant(at, ZONE)),
                k -> new long[2]);
        sum[0] += visits;
        sum[1] += spend;
    }

    private void fact(UUID merchant, UUID customer, @Nullable Instant joined, @Nullable Instant visit, long visits,
            long spend) {
        facts.merge(new MemberKey(merchant, customer),
                new FactDelta(merchant, customer, joined, visit, visit, visits, spend),
                (a, b) -> new FactDelta(merchant, customer, min(a.joinedAt(), b.joinedAt()),
                        min(a.firstVisitAt(), b.firstVisitAt()), max(a.lastVisitAt(), b.lastVisitAt()),
                        a.visits() + b.visits(), a.spend() + b.spend()));
    }

    private static @Nullable Instant min(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) return b;
        return b == null || a.isBefore(b) ? a : b;
    }

    private static @Nullable Instant max(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) return b;
        return b == null || a.isAfter(b) ? a : b;
    }
}

package o2o.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import o2o.delivery.persistence.FigureRows;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a merchant's deliveries went, per store and per day (a day in Shanghai, by when the order was paid): orders
 * paid and delivered, the share delivered by the promised time, the median and 90th percentile minutes from paid to
 * the door, the fees kept, what a carried order cost in couriers, and the orders cancelled or returned. Owners and
 * managers only, over the stores they work in.
 */
@Service
public class DeliveryFigures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    /**
     * One group of orders: a store on a day, a store over the period ({@code day} null), all the stores on a day
     * ({@code store} null) or everything.
     */
    public record Group(@Nullable StoreId store, @Nullable String storeName, @Nullable LocalDate day, long paid,
            long delivered, long onTime, @Nullable Double p50Minutes, @Nullable Double p90Minutes, Money fees,
            long carried, Money courierCost, long cancelled, long returned) {

        /** Delivered by the promised time, of those delivered (null: nothing delivered). */
        public @Nullable Double onTimeRate() {
            return delivered == 0 ? null : (double) onTime / delivered;
        }

        /** What the couriers cost per order they carried, rounded to the fen (null: nothing carried). */
        public @Nullable Money costPerOrder() {
            return carried == 0 ? null
                    : new Money(Math.round((double) courierCost.minor() / carried), courierCost.currency());
        }
    }

    /** The period (both days included), the store asked for (null: every store), and the groups. */
    public record Figures(LocalDate from, LocalDate to, @Nullable StoreId store, Group total, List<Group> byDay,
            List<Group> byStore, List<Group> byStoreAndDay) {}

    private final FigureRows rows;
    private final Stores stores;
    private final Clock clock;

    DeliveryFigures(FigureRows rows, Stores stores, Clock clock) {
        this.rows = rows;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * The figures from {@code from} to {@code to} (both included; a missing end is today, a missing start
     * {@value #DEFAULT_DAYS} days before the end), of one store or of every store the caller works in.
     */
    @Transactional(readOnly = true)
    public Figures figures(StaffPrincipal who, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable UUID storeId) {
        if (who.merchantId() == null) throw Problem.notFound("merchant");
        var end = to != null ? to : LocalDate.now(clock.withZone(ZONE));
        var start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (end.isBefore(start)) throw new InvalidInput("to", "on or after from");
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidInput("from", "at most " + MAX_DAYS + " days before to");
        }
        var scope = storeId != null ? List.of(stores.get(who, storeId)) : stores.visibleTo(who);
        if (!who.role().manages()) throw Problem.forbidden("only owners and managers see the delivery figures");
        var names = scope.stream().collect(Collectors.toMap(Store::id, Store::name));
        var found = rows.figures(who.merchantId(), names.keySet(), start.atStartOfDay(ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(ZONE).toInstant(), ZONE.getId());

        Group total = empty(null, null, null);
        var byDayFound = new java.util.HashMap<LocalDate, Group>();
        var byStore = new ArrayList<Group>();
        var byStoreAndDay = new ArrayList<Group>();
        for (var row : found) {
            var group = group(row, names::get);
            if (row.storeId() == null && row.day() == null) total = group;
            else if (row.storeId() == null) byDayFound.put(row.day(), group);
            else if (row.day() == null) byStore.add(group);
            else byStoreAndDay.add(group);
        }
        var byDay = new ArrayList<Group>();
        for (var day = start; !day.isAfter(end); day = day.plusDays(1)) {
            byDay.add(byDayFound.getOrDefault(day, empty(null, null, day)));
        }
        byStore.sort(java.util.Comparator.comparing(g -> g.storeName() == null ? "" : g.storeName()));
        return new Figures(start, end, storeId == null ? null : new StoreId(storeId), total, byDay, byStore,
                byStoreAndDay);
    }

    private static Group group(FigureRows.Row r, Function<UUID, @Nullable String> names) {
        return new Group(r.storeId() == null ? null : new StoreId(r.storeId()),
                r.storeId() == null ? null : names.apply(r.storeId()), r.day(), r.paid(), r.delivered(), r.onTime(),
                r.p50Minutes(), r.p90Minutes(), Money.cny(r.feesMinor()), r.carried(), Money.cny(r.costMinor()),
                r.cancelled(), r.returned());
    }

    private static Group empty(@Nullable StoreId store, @Nullable String name, @Nullable LocalDate day) {
        return new Group(store, name, day, 0, 0, 0, null, null, Money.cny(0), 0, Money.cny(0), 0, 0);
    }
}

package o2o.footfall;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import o2o.footfall.persistence.DoorCountRows;
import o2o.footfall.persistence.VisitRows;
import o2o.identity.StaffPrincipal;
import o2o.insights.Period;
import o2o.insights.SalesChannel;
import o2o.insights.StoreSales;
import o2o.malls.Mall;
import o2o.malls.Malls;
import o2o.malls.Tenant;
import o2o.orders.OrderSpend;
import o2o.orders.SpendWindow;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mall operator's dashboard, in a fixed number of queries whatever the mall's size: the door counts, the visits
 * and the visitors' days (ours), the tenants (malls), their sales by store (one read of insights' rollups) and the
 * visitors who paid a tenant's merchant on a day of their visit (one read of orders).
 */
@Service
public class MallDashboards {

    private final Malls malls;
    private final DoorCountRows doors;
    private final VisitRows visits;
    private final StoreSales sales;
    private final OrderSpend spend;
    private final Clock clock;

    MallDashboards(Malls malls, DoorCountRows doors, VisitRows visits, StoreSales sales, OrderSpend spend,
            Clock clock) {
        this.malls = malls;
        this.doors = doors;
        this.visits = visits;
        this.sales = sales;
        this.spend = spend;
        this.clock = clock;
    }

    /** The dashboard of the mall the staff member runs (403 otherwise); days default to the last 30. */
    @Transactional(readOnly = true)
    public MallFootfall of(StaffPrincipal staff, @Nullable LocalDate from, @Nullable LocalDate to) {
        var mall = malls.operatedBy(staff);
        var period = Period.of(from, to, clock);
        var start = period.from().atStartOfDay(Period.ZONE).toInstant();
        var end = period.to().plusDays(1).atStartOfDay(Period.ZONE).toInstant();
        var zone = Period.ZONE.getId();
        var doorFigures = doorFigures(doors.slots(mall.id().value(), start, end, zone), period);
        var totals = visits.totals(mall.id().value(), start, end);
        var days = visits.visitDays(mall.id().value(), start, end, zone);
        var tenants = malls.tenants(mall.id());
        var merchants = new java.util.LinkedHashSet<MerchantId>();
        tenants.forEach(t -> merchants.add(t.merchant()));
        var windows = days.stream().map(d -> new SpendWindow(new CustomerId(d.customer()),
                d.day().atStartOfDay(Period.ZONE).toInstant(),
                d.day().plusDays(1).atStartOfDay(Period.ZONE).toInstant())).toList();
        long buyers = merchants.isEmpty() || windows.isEmpty() ? 0 : spend.within(merchants, windows).size();
        long visiting = days.stream().map(VisitRows.VisitDay::customer).distinct().count();
        var members = new MallFootfall.Members(totals.visits(), MallFootfall.perMille(totals.visits(), doorFigures.in()),
                totals.visits() == 0 ? 0 : totals.dwellSeconds() / totals.visits(), visiting, buyers,
                MallFootfall.perMille(buyers, visiting));
        var rows = sales.of(merchants, period);
        return new MallFootfall(mall, period, doorFigures, members, byFloor(mall, tenants, rows),
                byCategory(tenants, rows));
    }

    private static MallFootfall.Doors doorFigures(List<DoorCountRows.Slot> slots, Period period) {
        long[] hourIn = new long[24];
        long[] hourOut = new long[24];
        var days = new TreeMap<LocalDate, long[]>();
        for (var d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) days.put(d, new long[2]);
        var entrances = new TreeMap<String, long[]>();
        long in = 0;
        long out = 0;
        for (var slot : slots) {
            hourIn[slot.hour()] += slot.in();
            hourOut[slot.hour()] += slot.out();
            var day = days.computeIfAbsent(slot.day(), k -> new long[2]);
            day[0] += slot.in();
            day[1] += slot.out();
            var entrance = entrances.computeIfAbsent(slot.entrance(), k -> new long[2]);
            entrance[0] += slot.in();
            entrance[1] += slot.out();
            in += slot.in();
            out += slot.out();
        }
        var byHour = new ArrayList<MallFootfall.Count>();
        for (int h = 0; h < 24; h++) byHour.add(new MallFootfall.Count(h, hourIn[h], hourOut[h]));
        return new MallFootfall.Doors(in, out, byHour,
                days.entrySet().stream().map(e -> new MallFootfall.DayCount(e.getKey(), e.getValue()[0],
                        e.getValue()[1])).toList(),
                entrances.entrySet().stream().map(e -> new MallFootfall.EntranceCount(e.getKey(), e.getValue()[0],
                        e.getValue()[1])).toList());
    }

    /**
     * Each sales row's tenant: the store's own; a sale for no store in particular (a deal's order) goes to its
     * merchant's store in this mall when the merchant has exactly one here, else to none (left out).
     */
    private static Map<StoreSales.Row, Tenant> placed(List<Tenant> tenants, List<StoreSales.Row> rows) {
        var byStore = new HashMap<StoreId, Tenant>();
        var byMerchant = new HashMap<MerchantId, List<Tenant>>();
        for (var t : tenants) {
            byStore.put(t.store(), t);
            byMerchant.computeIfAbsent(t.merchant(), k -> new ArrayList<>()).add(t);
        }
        var placed = new LinkedHashMap<StoreSales.Row, Tenant>();
        for (var row : rows) {
            var tenant = byStore.get(row.store());
            if (tenant == null && row.store().equals(StoreSales.NO_STORE)) {
                var only = byMerchant.getOrDefault(row.merchant(), List.of());
                if (only.size() == 1) tenant = only.getFirst();
            }
            if (tenant != null) placed.put(row, tenant);
        }
        return placed;
    }

    private static List<MallFootfall.Sales> byFloor(Mall mall, List<Tenant> tenants, List<StoreSales.Row> rows) {
        var totals = new TreeMap<Integer, long[]>();
        mall.floors().forEach(f -> totals.put(f.level(), new long[3]));
        placed(tenants, rows).forEach((row, tenant) -> add(totals.computeIfAbsent(tenant.floor(), k -> new long[3]), row));
        return totals.entrySet().stream().map(e -> new MallFootfall.Sales(
                mall.floor(e.getKey()).map(f -> f.name()).orElse(Integer.toString(e.getKey())), e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    private static List<MallFootfall.Sales> byCategory(List<Tenant> tenants, List<StoreSales.Row> rows) {
        var totals = new TreeMap<String, long[]>();
        tenants.forEach(t -> totals.putIfAbsent(t.category(), new long[3]));
        placed(tenants, rows).forEach((row, tenant) -> add(totals.get(tenant.category()), row));
        return totals.entrySet().stream()
                .map(e -> new MallFootfall.Sales(e.getKey(), null, e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted((a, b) -> Long.compare(b.netMinor(), a.netMinor()))
                .toList();
    }

    private static void add(long[] totals, StoreSales.Row row) {
        totals[0] += row.orders();
        totals[row.channel() == SalesChannel.POS ? 1 : 2] += row.netMinor();
    }
}

package o2o.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.insights.persistence.CustomerSets;
import o2o.insights.persistence.MerchantFigures;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's dashboard for its owners and managers. A manager limited to some stores sees those stores' sales; a
 * store of another merchant, or one the manager is not limited to, is not found.
 */
@Service
public class Insights {

    private final MerchantFigures figures;
    private final CustomerSets customers;
    private final Stores stores;
    private final Clock clock;

    Insights(MerchantFigures figures, CustomerSets customers, Stores stores, Clock clock) {
        this.figures = figures;
        this.customers = customers;
        this.stores = stores;
        this.clock = clock;
    }

    /** {@code from} and {@code to} default to the last {@value Period#DEFAULT_DAYS} days; null store is all of them. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(StaffPrincipal staff, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable UUID storeId) {
        var merchant = managedMerchant(staff);
        var period = Period.of(from, to, clock);
        var scope = storeScope(staff, storeId);
        var previous = period.previous();
        return new Dashboard(period, previous,
                figures.figures(merchant, period.from(), period.to(), scope, customers(merchant, period)),
                figures.figures(merchant, previous.from(), previous.to(), scope, customers(merchant, previous)),
                figures.byDay(merchant, period.from(), period.to(), scope),
                figures.byChannel(merchant, period.from(), period.to(), scope),
                figures.topItems(merchant, period.from(), period.to(), scope, Dashboard.TOP_ITEMS),
                figures.hours(merchant, period.from(), period.to(), scope));
    }

    /** Known customers belong to the merchant, not a store: counted the same whatever the store scope. */
    private DayCustomers.Counts customers(UUID merchant, Period period) {
        return DayCustomers.count(customers.between(merchant, period.from(), period.to(), period.wholeMonths()));
    }

    private UUID @Nullable [] storeScope(StaffPrincipal staff, @Nullable UUID storeId) {
        if (storeId != null) return new UUID[] {stores.get(staff, storeId).id()};
        if (staff.storeIds().isEmpty()) return null;
        return staff.storeIds().toArray(UUID[]::new);
    }

    static UUID managedMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers see the dashboard");
        return staff.merchantId();
    }
}

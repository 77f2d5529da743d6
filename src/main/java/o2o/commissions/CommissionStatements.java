package o2o.commissions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.commissions.Statement.Day;
import o2o.commissions.Statement.Figures;
import o2o.commissions.persistence.CommissionStatementRows;
import o2o.commissions.persistence.CommissionStatementRows.Grouping;
import o2o.commissions.persistence.CommissionStatementRows.Row;
import o2o.commissions.persistence.CommissionStatementRows.Whose;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission statements per period: a merchant's own (owners and managers, always the caller's merchant), what a
 * taker merchant earned of each merchant it takes from, and every merchant's totals for the operator.
 */
@Service
public class CommissionStatements {

    private static final String ZONE = CommissionPosting.ZONE.getId();

    private final CommissionStatementRows rows;
    private final Merchants merchants;
    private final Clock clock;

    CommissionStatements(CommissionStatementRows rows, Merchants merchants, Clock clock) {
        this.rows = rows;
        this.merchants = merchants;
        this.clock = clock;
    }

    /** The caller's merchant's statement. */
    @Transactional(readOnly = true)
    public Statement.OfMerchant statement(StaffPrincipal staff, @Nullable LocalDate from, @Nullable LocalDate to) {
        var merchant = managed(staff);
        var period = Period.of(from, to, clock);
        var found = rows.figures(Whose.MERCHANT, merchant, Grouping.DAY_AND_TAKER, period.start(), period.end(), ZONE);
        var perTaker = new LinkedHashMap<String, Map<LocalDate, Figures>>();
        var reversedPerDay = new HashMap<LocalDate, Money>();
        for (var row : found) {
            perTaker.computeIfAbsent(row.taker(), t -> new HashMap<>()).put(row.day(), figures(row));
            reversedPerDay.merge(row.day(), Money.cny(row.reversed()), Money::plus);
        }
        var chargedPerDay = new HashMap<LocalDate, Money>();
        found.forEach(r -> chargedPerDay.merge(r.day(), Money.cny(r.charged()), Money::plus));
        var ordersPerDay = new HashMap<LocalDate, Row>();
        rows.ordersPerDay(merchant, period.start(), period.end(), ZONE).forEach(r -> ordersPerDay.put(r.day(), r));

        var days = new ArrayList<Day>();
        var total = Figures.NONE;
        for (var day : period.days()) {
            var orders = ordersPerDay.get(day);
            var figures = new Figures(orders == null ? 0 : orders.orders(), Money.cny(orders == null ? 0 : orders.gross()),
                    chargedPerDay.getOrDefault(day, Money.cny(0)), reversedPerDay.getOrDefault(day, Money.cny(0)));
            days.add(new Day(day, figures));
            total = total.plus(figures);
        }
        var names = names(perTaker.keySet().stream().map(Taker::ofKey).map(Taker::merchantId)
                .filter(java.util.Objects::nonNull).toList());
        var takers = new ArrayList<Statement.OfTaker>();
        perTaker.keySet().stream().sorted(java.util.Comparator.comparing((String k) -> !k.equals("platform"))
                .thenComparing(k -> k)).forEach(key -> {
            var byDay = perTaker.get(key);
            var taker = Taker.ofKey(key);
            var takerDays = period.days().stream().map(d -> new Day(d, byDay.getOrDefault(d, Figures.NONE))).toList();
            var takerTotal = takerDays.stream().map(Day::figures).reduce(Figures.NONE, Figures::plus);
            takers.add(new Statement.OfTaker(taker, name(taker, names), takerTotal, takerDays));
        });
        return new Statement.OfMerchant(period, total, days, takers);
    }

    /** What the caller's merchant, as a taker (a mall), earned of each merchant it takes from. */
    @Transactional(readOnly = true)
    public Statement.Earnings earnings(StaffPrincipal staff, @Nullable LocalDate from, @Nullable LocalDate to) {
        var merchant = managed(staff);
        var period = Period.of(from, to, clock);
        var found = rows.figures(Whose.TAKER, merchant, Grouping.MERCHANT, period.start(), period.end(), ZONE);
        var names = names(found.stream().map(Row::merchantId).toList());
        var lines = new ArrayList<Statement.Earning>();
        var total = Figures.NONE;
        for (var row : found) {
            var m = java.util.Objects.requireNonNull(row.merchantId());
            lines.add(new Statement.Earning(new MerchantId(m), nameOf(m, names), figures(row)));
            total = total.plus(figures(row));
        }
        return new Statement.Earnings(period, total, lines);
    }

    /** Every merchant's totals towards each taker (operators). */
    @Transactional(readOnly = true)
    public Statement.All all(StaffPrincipal operator, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (!operator.isOperator()) throw Problem.forbidden("only the operator sees every merchant's commission");
        var period = Period.of(from, to, clock);
        var found = rows.figures(Whose.ALL, null, Grouping.MERCHANT_AND_TAKER, period.start(), period.end(), ZONE);
        var ids = new HashSet<UUID>();
        for (var row : found) {
            ids.add(java.util.Objects.requireNonNull(row.merchantId()));
            var taker = Taker.ofKey(java.util.Objects.requireNonNull(row.taker()));
            if (taker.merchantId() != null) ids.add(taker.merchantId());
        }
        var names = names(ids);
        var lines = new ArrayList<Statement.Line>();
        var total = Figures.NONE;
        for (var row : found) {
            var m = java.util.Objects.requireNonNull(row.merchantId());
            var taker = Taker.ofKey(java.util.Objects.requireNonNull(row.taker()));
            lines.add(new Statement.Line(new MerchantId(m), nameOf(m, names), taker, name(taker, names),
                    figures(row)));
            total = total.plus(figures(row));
        }
        return new Statement.All(period, total, lines);
    }

    private static UUID managed(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.notFound("merchant");
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers see the commission statement");
        return staff.merchantId();
    }

    private static Figures figures(Row row) {
        return new Figures(row.orders(), Money.cny(row.gross()), Money.cny(row.charged()), Money.cny(row.reversed()));
    }

    private Map<UUID, Merchant> names(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : merchants.findAll(ids);
    }

    private static @Nullable String name(Taker taker, Map<UUID, Merchant> names) {
        return taker.merchantId() == null ? null : nameOf(taker.merchantId(), names);
    }

    private static @Nullable String nameOf(UUID id, Map<UUID, Merchant> names) {
        var merchant = names.get(id);
        return merchant == null ? null : merchant.name();
    }
}

package o2o.loyalty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.persistence.TierRows;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tiers of a points program: levels reached by points earned or by spend (for ever, or over the last so many days),
 * each with a discount and a points multiplier. A member's tier is re-evaluated after each earn and refund, by a
 * nightly job for rolling periods, and when the merchant changes the levels; every change is recorded.
 */
@Service
public class Tiers {

    private static final Logger log = LoggerFactory.getLogger(Tiers.class);

    private final TierRows rows;
    private final PointsProgram programs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Tiers(TierRows rows, PointsProgram programs, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.programs = programs;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The member's current tier at that merchant (in the program it collects in), empty below the first level. */
    @Transactional(readOnly = true)
    public Optional<Tier> of(CustomerId customer, MerchantId merchant) {
        return rows.programWithoutCreating(merchant.value())
                .flatMap(program -> rows.current(program, customer.value()));
    }

    /** The member's tier at that merchant and the history of its changes, newest first. */
    @Transactional(readOnly = true)
    public MemberTier memberTier(CustomerId customer, MerchantId merchant) {
        UUID customerId = customer.value();
        UUID merchantId = merchant.value();
        var program = rows.programWithoutCreating(merchantId);
        if (program.isEmpty()) return new MemberTier(null, List.of());
        return new MemberTier(rows.current(program.get(), customerId).orElse(null),
                rows.history(program.get(), customerId));
    }

    /**
     * What the member's tier is measured by now in the program, over its period: points earned, or spend in fen,
     * summed over every merchant of the program (a mall's tenants all count).
     */
    @Transactional(readOnly = true)
    public long measure(CustomerId customer, UUID programId) {
        var rules = rules(programId);
        var since = rules.periodDays() == null ? Instant.EPOCH
                : clock.instant().minus(Duration.ofDays(rules.periodDays()));
        return rows.measure(programId, customer.value(), rules.basis(), since);
    }

    @Transactional
    public TierRules rulesFor(StaffPrincipal staff) {
        return rules(programs.programOf(PointsProgram.managedMerchant(staff)));
    }

    @Transactional(readOnly = true)
    public TierRules rules(UUID programId) {
        return rows.rules(programId);
    }

    /**
     * Replaces the levels of the staff member's program (owner merchant's owners and managers only); ranks follow the
     * order given, thresholds must rise. Members are re-evaluated under the new levels afterwards.
     */
    public TierRules update(StaffPrincipal staff, String basis, @Nullable Integer periodDays, List<Tier> levels) {
        var program = transactions.execute(status -> {
            var owned = programs.ownedProgram(staff);
            var checked = TierLevels.of(basis, periodDays, levels);
            rows.replace(owned, checked.basis(), checked.periodDays(), checked.levels());
            return owned;
        });
        reevaluateMembers(program, TierChangeReason.RULES);
        return rules(program);
    }

    /**
     * Re-evaluates one member: the member's tier row is locked first, so concurrent earnings take turns and each
     * sees the other's activity; a change is stored and recorded with its reason.
     */
    @Transactional
    void evaluate(UUID programId, UUID customerId, TierChangeReason reason) {
        var now = clock.instant();
        int current = rows.lockRank(programId, customerId, now);
        var rules = rules(programId);
        var since = rules.periodDays() == null ? Instant.EPOCH : now.minus(Duration.ofDays(rules.periodDays()));
        int reached = rules.rankReachedBy(rows.measure(programId, customerId, rules.basis(), since));
        if (reached == current) return;
        rows.change(programId, customerId, new MemberTier.Change(current, rules.nameOf(current), reached,
                rules.nameOf(reached), reason, now));
    }

    /** The nightly run, on one node. */
    @Scheduled(cron = "${o2o.loyalty.tier-cron:0 45 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "loyalty.tiers", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void reevaluateRollingPeriodsOnSchedule() {
        reevaluateRollingPeriods();
    }

    /** Tiers measured over a rolling period fall back as old activity leaves the window: the nightly re-evaluation. */
    public int reevaluateRollingPeriods() {
        int changed = 0;
        for (var program : rows.programsWithPeriods()) changed += reevaluateMembers(program, TierChangeReason.PERIOD);
        if (changed > 0) log.info("Tiers re-evaluated: {} members changed tier", changed);
        return changed;
    }

    /** Each member of the program in a transaction of its own, so no long transaction holds many members' rows. */
    private int reevaluateMembers(UUID programId, TierChangeReason reason) {
        int changed = 0;
        for (var customer : rows.members(programId)) {
            var before = rows.rankOf(programId, customer);
            transactions.executeWithoutResult(status -> evaluate(programId, customer, reason));
            if (rows.rankOf(programId, customer) != before) changed++;
        }
        return changed;
    }

    Optional<Tier> current(UUID programId, UUID customerId) {
        return rows.current(programId, customerId);
    }
}

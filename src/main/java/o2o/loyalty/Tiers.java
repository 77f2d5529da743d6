package o2o.loyalty;

import static o2o.shared.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final int MAX_LEVELS = 10;

    private final JdbcClient jdbc;
    private final PointsProgram programs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Tiers(JdbcClient jdbc, PointsProgram programs, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The member's current tier at that merchant (in the program it collects in), empty below the first level. */
    @Transactional(readOnly = true)
    public Optional<Tier> of(UUID customerId, UUID merchantId) {
        return programWithoutCreating(merchantId).flatMap(program -> current(program, customerId));
    }

    /** The member's tier at that merchant and the history of its changes, newest first. */
    @Transactional(readOnly = true)
    public MemberTier memberTier(UUID customerId, UUID merchantId) {
        var program = programWithoutCreating(merchantId);
        if (program.isEmpty()) return new MemberTier(null, List.of());
        var history = jdbc.sql("""
                        select from_rank, from_name, to_rank, to_name, reason, at from tier_change
                        where program_id = :p and customer_id = :c order by at desc, id desc limit 100
                        """)
                .param("p", program.get()).param("c", customerId)
                .query((rs, row) -> new MemberTier.Change(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        return new MemberTier(current(program.get(), customerId).orElse(null), history);
    }

    @Transactional
    public TierRules rulesFor(StaffPrincipal staff) {
        return rules(programs.programOf(PointsProgram.managedMerchant(staff)));
    }

    @Transactional(readOnly = true)
    public TierRules rules(UUID programId) {
        var levels = jdbc.sql("""
                        select rank, name, threshold, discount_percent, points_multiplier_percent from tier_level
                        where program_id = :p order by rank
                        """)
                .param("p", programId)
                .query((rs, row) -> new Tier(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5)))
                .list();
        return jdbc.sql("select tier_basis, tier_period_days from points_program where id = :p").param("p", programId)
                .query((rs, row) -> new TierRules(programId, rs.getString(1), (Integer) rs.getObject(2), levels))
                .single();
    }

    /**
     * Replaces the levels of the staff member's program (owner merchant's owners and managers only); ranks follow the
     * order given, thresholds must rise. Members are re-evaluated under the new levels afterwards.
     */
    public TierRules update(StaffPrincipal staff, String basis, @Nullable Integer periodDays, List<Tier> levels) {
        var program = transactions.execute(status -> {
            var owned = programs.ownedProgram(staff);
            if (!basis.equals("POINTS") && !basis.equals("SPEND")) throw new InvalidInput("basis", "POINTS or SPEND");
            if (periodDays != null && (periodDays < 1 || periodDays > 3660)) {
                throw new InvalidInput("periodDays", "1 to 3660 days, or none for all time");
            }
            if (levels.size() > MAX_LEVELS) throw new InvalidInput("levels", "at most " + MAX_LEVELS);
            var names = new HashSet<String>();
            long previous = -1;
            for (int i = 0; i < levels.size(); i++) {
                var level = levels.get(i);
                var field = "levels[" + i + "].";
                var name = level.name().strip();
                if (name.isEmpty() || name.length() > 20) throw new InvalidInput(field + "name", "1 to 20 characters");
                if (!names.add(name)) throw new InvalidInput(field + "name", "each level needs its own name");
                if (level.threshold() <= previous) throw new InvalidInput(field + "threshold", "must be above the level below");
                if (level.discountPercent() < 0 || level.discountPercent() > 100) {
                    throw new InvalidInput(field + "discountPercent", "0 to 100");
                }
                if (level.pointsMultiplierPercent() < 100 || level.pointsMultiplierPercent() > 10000) {
                    throw new InvalidInput(field + "pointsMultiplierPercent", "100 to 10000");
                }
                previous = level.threshold();
            }
            jdbc.sql("update points_program set tier_basis = :b, tier_period_days = :d where id = :p")
                    .param("b", basis).param("d", periodDays).param("p", owned).update();
            jdbc.sql("delete from tier_level where program_id = :p").param("p", owned).update();
            for (int i = 0; i < levels.size(); i++) {
                var level = levels.get(i);
                jdbc.sql("""
                                insert into tier_level (program_id, rank, name, threshold, discount_percent,
                                                        points_multiplier_percent)
                                values (:p, :rank, :name, :threshold, :discount, :multiplier)
                                """)
                        .param("p", owned).param("rank", i + 1).param("name", level.name().strip())
                        .param("threshold", level.threshold()).param("discount", level.discountPercent())
                        .param("multiplier", level.pointsMultiplierPercent()).update();
            }
            return owned;
        });
        reevaluateMembers(program, "RULES");
        return rules(program);
    }

    /**
     * Re-evaluates one member: the member's tier row is locked first, so concurrent earnings take turns and each
     * sees the other's activity; a change is stored and recorded with its reason.
     */
    @Transactional
    void evaluate(UUID programId, UUID customerId, String reason) {
        var now = clock.instant();
        jdbc.sql("""
                        insert into member_tier (program_id, customer_id, rank, since) values (:p, :c, 0, :now)
                        on conflict do nothing
                        """)
                .param("p", programId).param("c", customerId).param("now", utc(now)).update();
        int current = jdbc.sql("select rank from member_tier where program_id = :p and customer_id = :c for update")
                .param("p", programId).param("c", customerId).query(Integer.class).single();
        var rules = rules(programId);
        long measure = measure(programId, customerId, rules, now);
        int reached = 0;
        for (var level : rules.levels()) {
            long needed = rules.basis().equals("SPEND") ? Math.multiplyExact(level.threshold(), 100) : level.threshold();
            if (measure >= needed) reached = level.rank();
        }
        if (reached == current) return;
        jdbc.sql("update member_tier set rank = :r, since = :now where program_id = :p and customer_id = :c")
                .param("r", reached).param("now", utc(now)).param("p", programId).param("c", customerId).update();
        jdbc.sql("""
                        insert into tier_change (id, program_id, customer_id, from_rank, from_name, to_rank, to_name,
                                                 reason, at)
                        values (:id, :p, :c, :from, :fromName, :to, :toName, :reason, :now)
                        """)
                .param("id", Ids.next()).param("p", programId).param("c", customerId)
                .param("from", current).param("fromName", nameOf(rules, current))
                .param("to", reached).param("toName", nameOf(rules, reached))
                .param("reason", reason).param("now", utc(now)).update();
    }

    /** Tiers measured over a rolling period fall back as old activity leaves the window: the nightly re-evaluation. */
    @Scheduled(cron = "${o2o.loyalty.tier-cron:0 45 2 * * *}", zone = "Asia/Shanghai")
    public int reevaluateRollingPeriods() {
        var programsWithPeriods = jdbc.sql("select id from points_program where tier_period_days is not null")
                .query(UUID.class).list();
        int changed = 0;
        for (var program : programsWithPeriods) changed += reevaluateMembers(program, "PERIOD");
        if (changed > 0) log.info("Tiers re-evaluated: {} members changed tier", changed);
        return changed;
    }

    /** Each member of the program in a transaction of its own, so no long transaction holds many members' rows. */
    private int reevaluateMembers(UUID programId, String reason) {
        var members = jdbc.sql("""
                        select customer_id from member_tier where program_id = :p
                        union select distinct customer_id from tier_activity where program_id = :p
                        """)
                .param("p", programId).query(UUID.class).list();
        int changed = 0;
        for (var customer : members) {
            var before = rankOf(programId, customer);
            transactions.executeWithoutResult(status -> evaluate(programId, customer, reason));
            if (rankOf(programId, customer) != before) changed++;
        }
        return changed;
    }

    Optional<Tier> current(UUID programId, UUID customerId) {
        return jdbc.sql("""
                        select l.rank, l.name, l.threshold, l.discount_percent, l.points_multiplier_percent
                        from member_tier t join tier_level l on l.program_id = t.program_id and l.rank = t.rank
                        where t.program_id = :p and t.customer_id = :c
                        """)
                .param("p", programId).param("c", customerId)
                .query((rs, row) -> new Tier(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    private int rankOf(UUID programId, UUID customerId) {
        return jdbc.sql("select rank from member_tier where program_id = :p and customer_id = :c")
                .param("p", programId).param("c", customerId).query(Integer.class).optional().orElse(0);
    }

    private long measure(UUID programId, UUID customerId, TierRules rules, Instant now) {
        var since = rules.periodDays() == null ? Instant.EPOCH : now.minus(Duration.ofDays(rules.periodDays()));
        return jdbc.sql("""
                        select coalesce(sum(case when :spend then spend_minor else points end), 0) from tier_activity
                        where program_id = :p and customer_id = :c and at > :since
                        """)
                .param("spend", rules.basis().equals("SPEND")).param("p", programId).param("c", customerId)
                .param("since", utc(since))
                .query(Long.class).single();
    }

    private static @Nullable String nameOf(TierRules rules, int rank) {
        return rules.levels().stream().filter(l -> l.rank() == rank).map(Tier::name).findFirst().orElse(null);
    }

    private Optional<UUID> programWithoutCreating(UUID merchantId) {
        return jdbc.sql("select program_id from points_program_merchant where merchant_id = :m").param("m", merchantId)
                .query(UUID.class).optional();
    }
}

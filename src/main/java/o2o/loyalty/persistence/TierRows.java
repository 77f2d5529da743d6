package o2o.loyalty.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.loyalty.MemberTier;
import o2o.loyalty.Tier;
import o2o.loyalty.TierBasis;
import o2o.loyalty.TierChangeReason;
import o2o.loyalty.TierRules;
import o2o.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A program's tier levels, each member's tier and the record of its changes. */
@Repository
public class TierRows {

    private static final RowMapper<Tier> TIER = (rs, row) -> new Tier(rs.getInt("rank"), rs.getString("name"),
            rs.getLong("threshold"), rs.getInt("discount_percent"), rs.getInt("points_multiplier_percent"));

    private final JdbcClient jdbc;

    TierRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TierRules rules(UUID programId) {
        return jdbc.sql("""
                        select p.tier_basis, p.tier_period_days,
                               l.rank, l.name, l.threshold, l.discount_percent, l.points_multiplier_percent
                        from points_program p left join tier_level l on l.program_id = p.id
                        where p.id = :p order by l.rank
                        """)
                .param("p", programId)
                .query(rs -> {
                    if (!rs.next()) throw new EmptyResultDataAccessException("no points program " + programId, 1);
                    var basis = TierBasis.valueOf(rs.getString("tier_basis"));
                    var periodDays = (Integer) rs.getObject("tier_period_days");
                    var levels = new ArrayList<Tier>();
                    do {
                        if (rs.getObject("rank") != null) levels.add(TIER.mapRow(rs, levels.size()));
                    } while (rs.next());
                    return new TierRules(programId, basis, periodDays, levels);
                });
    }

    /** Replaces the program's basis, period and levels (ranked already). */
    public void replace(UUID programId, TierBasis basis, @Nullable Integer periodDays, List<Tier> levels) {
        jdbc.sql("update points_program set tier_basis = :b, tier_period_days = :d where id = :p")
                .param("b", basis.name()).param("d", periodDays).param("p", programId).update();
        jdbc.sql("delete from tier_level where program_id = :p").param("p", programId).update();
        for (var level : levels) {
            jdbc.sql("""
                            insert into tier_level (program_id, rank, name, threshold, discount_percent,
                                                    points_multiplier_percent)
                            values (:p, :rank, :name, :threshold, :discount, :multiplier)
                            """)
                    .param("p", programId).param("rank", level.rank()).param("name", level.name())
                    .param("threshold", level.threshold()).param("discount", level.discountPercent())
                    .param("multiplier", level.pointsMultiplierPercent()).update();
        }
    }

    public Optional<Tier> current(UUID programId, UUID customerId) {
        return jdbc.sql("""
                        select l.rank, l.name, l.threshold, l.discount_percent, l.points_multiplier_percent
                        from member_tier t join tier_level l on l.program_id = t.program_id and l.rank = t.rank
                        where t.program_id = :p and t.customer_id = :c
                        """)
                .param("p", programId).param("c", customerId).query(TIER).optional();
    }

    public List<MemberTier.Change> history(UUID programId, UUID customerId) {
        return jdbc.sql("""
                        select from_rank, from_name, to_rank, to_name, reason, at from tier_change
                        where program_id = :p and customer_id = :c order by at desc, id desc limit 100
                        """)
                .param("p", programId).param("c", customerId)
                .query((rs, row) -> new MemberTier.Change(rs.getInt("from_rank"), rs.getString("from_name"),
                        rs.getInt("to_rank"), rs.getString("to_name"), TierChangeReason.valueOf(rs.getString("reason")),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The member's rank, locked so concurrent evaluations take turns (the conflict's no-op update locks the row and
     * reads it as committed by the one before); a member without a row starts at rank 0. One statement.
     */
    public int lockRank(UUID programId, UUID customerId, Instant now) {
        return jdbc.sql("""
                        insert into member_tier (program_id, customer_id, rank, since) values (:p, :c, 0, :now)
                        on conflict (program_id, customer_id) do update set rank = member_tier.rank
                        returning rank
                        """)
                .param("p", programId).param("c", customerId).param("now", utc(now)).query(Integer.class).single();
    }

    public int rankOf(UUID programId, UUID customerId) {
        return jdbc.sql("select rank from member_tier where program_id = :p and customer_id = :c")
                .param("p", programId).param("c", customerId).query(Integer.class).optional().orElse(0);
    }

    /** Moves the member to the new rank and records the change. */
    public void change(UUID programId, UUID customerId, MemberTier.Change change) {
        jdbc.sql("update member_tier set rank = :r, since = :now where program_id = :p and customer_id = :c")
                .param("r", change.toRank()).param("now", utc(change.at())).param("p", programId)
                .param("c", customerId).update();
        jdbc.sql("""
                        insert into tier_change (id, program_id, customer_id, from_rank, from_name, to_rank, to_name,
                                                 reason, at)
                        values (:id, :p, :c, :from, :fromName, :to, :toName, :reason, :now)
                        """)
                .param("id", Ids.next()).param("p", programId).param("c", customerId)
                .param("from", change.fromRank()).param("fromName", change.from())
                .param("to", change.toRank()).param("toName", change.to())
                .param("reason", change.reason().name()).param("now", utc(change.at())).update();
    }

    /** Points earned, or spend in fen, after {@code since}. */
    public long measure(UUID programId, UUID customerId, TierBasis basis, Instant since) {
        return jdbc.sql("""
                        select coalesce(sum(case when :spend then spend_minor else points end), 0) from tier_activity
                        where program_id = :p and customer_id = :c and at > :since
                        """)
                .param("spend", basis == TierBasis.SPEND).param("p", programId).param("c", customerId)
                .param("since", utc(since))
                .query(Long.class).single();
    }

    public List<UUID> programsWithPeriods() {
        return jdbc.sql("select id from points_program where tier_period_days is not null").query(UUID.class).list();
    }

    /** Everyone with a tier or tier activity in the program. */
    public List<UUID> members(UUID programId) {
        return jdbc.sql("""
                        select customer_id from member_tier where program_id = :p
                        union select distinct customer_id from tier_activity where program_id = :p
                        """)
                .param("p", programId).query(UUID.class).list();
    }

    public Optional<UUID> programWithoutCreating(UUID merchantId) {
        return jdbc.sql("select program_id from points_program_merchant where merchant_id = :m").param("m", merchantId)
                .query(UUID.class).optional();
    }
}

package o2o.loyalty;

import static o2o.shared.Timestamps.utc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.persistence.Memberships;
import o2o.merchants.Merchants;
import o2o.orders.Channel;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points programs and their earn rules. Every merchant collects in exactly one program: its own (made on first use,
 * 1 point per yuan) or a group program the operator put it in. Only the owner merchant's owners and managers change
 * a program's rules; managers of every merchant in it may read them.
 */
@Service
public class PointsProgram {

    /** The channels purchases earn points on: every one but buying stored value (spending it earns instead). */
    public static final Set<Channel> EARNING_CHANNELS = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(Channel.TOP_UP)));
    private static final int MAX_BONUS_EVENTS = 50;

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final Merchants merchants;
    private final Clock clock;

    PointsProgram(JdbcClient jdbc, Memberships memberships, Merchants merchants, Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.merchants = merchants;
        this.clock = clock;
    }

    /** The program a merchant's members collect in: its group's, or its own (made on first use, 1 point per yuan). */
    @Transactional
    public UUID programOf(UUID merchantId) {
        var existing = jdbc.sql("select program_id from points_program_merchant where merchant_id = :m")
                .param("m", merchantId).query(UUID.class).optional();
        if (existing.isPresent()) return existing.get();
        var id = Ids.next();
        jdbc.sql("""
                        insert into points_program (id, owner_merchant_id, name, points_per_yuan, created_at)
                        values (:id, :m, '会员积分', 1, :now)
                        """)
                .param("id", id).param("m", merchantId).param("now", now()).update();
        int joined = jdbc.sql("insert into points_program_merchant (program_id, merchant_id) values (:p, :m) on conflict do nothing")
                .param("p", id).param("m", merchantId).update();
        return joined == 1 ? id : programOf(merchantId);
    }

    /** Whether the merchant owns a group program (a mall's), whose members' customers it may reach. */
    @Transactional(readOnly = true)
    public boolean ownsGroup(MerchantId merchant) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from points_program where owner_merchant_id = :m and shared)
                        """).param("m", merchant.value()).query(Boolean.class).single());
    }

    /** The merchants of the group program the merchant owns (itself included); just itself when it owns none. */
    @Transactional(readOnly = true)
    public java.util.Set<MerchantId> groupOf(MerchantId owner) {
        var merchants = new java.util.HashSet<MerchantId>();
        merchants.add(owner);
        jdbc.sql("""
                        select pm.merchant_id
                        from points_program p join points_program_merchant pm on pm.program_id = p.id
                        where p.owner_merchant_id = :m and p.shared
                        """)
                .param("m", owner.value())
                .query(UUID.class).list().forEach(m -> merchants.add(new MerchantId(m)));
        return merchants;
    }

    /**
     * The owner of the group program each of these merchants collects in, for those in one (the owner itself
     * included); one read for many merchants.
     */
    @Transactional(readOnly = true)
    public Map<MerchantId, MerchantId> groupOwnersOf(Collection<MerchantId> merchants) {
        var owners = new HashMap<MerchantId, MerchantId>();
        if (merchants.isEmpty()) return owners;
        jdbc.sql("""
                        select pm.merchant_id, p.owner_merchant_id
                        from points_program_merchant pm join points_program p on p.id = pm.program_id
                        where pm.merchant_id = any(:m) and p.shared
                        """)
                .param("m", merchants.stream().map(MerchantId::value).distinct().toArray(UUID[]::new))
                .query((rs, row) -> owners.put(new MerchantId(rs.getObject(1, UUID.class)),
                        new MerchantId(rs.getObject(2, UUID.class))))
                .list();
        return owners;
    }

    /** The rules of the program the staff member's merchant collects in (owners and managers only). */
    @Transactional
    public ProgramRules rulesFor(StaffPrincipal staff) {
        return rules(programOf(managedMerchant(staff)));
    }

    /**
     * The program's rules in one statement (every paid order of a member reads them): its own columns, and its channel
     * rates, bonus events (by start) and merchants as arrays.
     */
    @Transactional(readOnly = true)
    public ProgramRules rules(UUID programId) {
        return jdbc.sql("""
                        select id, owner_merchant_id, name, shared, points_per_yuan, expiry_policy, expiry_months,
                            array(select channel from points_channel_rate r where r.program_id = p.id
                                  order by channel) as rate_channels,
                            array(select points_per_yuan from points_channel_rate r where r.program_id = p.id
                                  order by channel) as rates,
                            array(select starts_at from points_bonus_event e where e.program_id = p.id
                                  order by starts_at, id) as event_starts,
                            array(select ends_at from points_bonus_event e where e.program_id = p.id
                                  order by starts_at, id) as event_ends,
                            array(select multiplier_percent from points_bonus_event e where e.program_id = p.id
                                  order by starts_at, id) as event_multipliers,
                            array(select channel from points_bonus_event e where e.program_id = p.id
                                  order by starts_at, id) as event_channels,
                            array(select merchant_id from points_program_merchant m where m.program_id = p.id
                                  order by merchant_id) as merchants
                        from points_program p where id = :p
                        """)
                .param("p", programId)
                .query((rs, row) -> {
                    var rates = new EnumMap<Channel, Integer>(Channel.class);
                    var rateChannels = (String[]) rs.getArray("rate_channels").getArray();
                    var ratePoints = (Integer[]) rs.getArray("rates").getArray();
                    for (int i = 0; i < rateChannels.length; i++) {
                        rates.put(Channel.valueOf(rateChannels[i]), ratePoints[i]);
                    }
                    var starts = (Timestamp[]) rs.getArray("event_starts").getArray();
                    var ends = (Timestamp[]) rs.getArray("event_ends").getArray();
                    var multipliers = (Integer[]) rs.getArray("event_multipliers").getArray();
                    var channels = (String[]) rs.getArray("event_channels").getArray();
                    var events = new ArrayList<ProgramRules.BonusEvent>(starts.length);
                    for (int i = 0; i < starts.length; i++) {
                        events.add(new ProgramRules.BonusEvent(starts[i].toInstant(), ends[i].toInstant(),
                                multipliers[i], channels[i] == null ? null : Channel.valueOf(channels[i])));
                    }
                    var merchants = List.of((UUID[]) rs.getArray("merchants").getArray());
                    return new ProgramRules(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getBoolean(4), rs.getInt(5), Map.copyOf(rates), List.copyOf(events),
                            ExpiryPolicy.written(rs.getString(6), rs.getInt(7)), merchants);
                })
                .optional().orElseThrow(() -> Problem.notFound("points program"));
    }

    /**
     * Replaces the earn rules of the staff member's program: its name, points per yuan, the per-channel rates, the
     * bonus events and the expiry policy. Bad input changes nothing.
     */
    @Transactional
    public ProgramRules update(StaffPrincipal staff, String name, int pointsPerYuan, Map<Channel, Integer> channelRates,
            List<ProgramRules.BonusEvent> bonusEvents, String expiryPolicy) {
        var program = ownedProgram(staff);
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) throw new InvalidInput("name", "1 to 40 characters");
        rate("pointsPerYuan", pointsPerYuan);
        channelRates.forEach((channel, rate) -> rate("channelRates." + channel, rate));
        if (bonusEvents.size() > MAX_BONUS_EVENTS) throw new InvalidInput("bonusEvents", "at most " + MAX_BONUS_EVENTS);
        for (int i = 0; i < bonusEvents.size(); i++) {
            var event = bonusEvents.get(i);
            if (!event.from().isBefore(event.to())) throw new InvalidInput("bonusEvents[" + i + "].to", "must be after from");
            if (event.multiplierPercent() < 100 || event.multiplierPercent() > 10000) {
                throw new InvalidInput("bonusEvents[" + i + "].multiplierPercent", "100 to 10000");
            }
        }
        var expiry = ExpiryPolicy.parse(expiryPolicy);
        jdbc.sql("""
                        update points_program set name = :name, points_per_yuan = :rate, expiry_policy = :policy,
                               expiry_months = :months
                        where id = :p
                        """)
                .param("name", trimmed).param("rate", pointsPerYuan).param("policy", expiry.kind().name())
                .param("months", expiry.months()).param("p", program).update();
        jdbc.sql("delete from points_channel_rate where program_id = :p").param("p", program).update();
        channelRates.forEach((channel, rate) -> jdbc.sql("""
                        insert into points_channel_rate (program_id, channel, points_per_yuan) values (:p, :c, :r)
                        """)
                .param("p", program).param("c", channel.name()).param("r", rate).update());
        jdbc.sql("delete from points_bonus_event where program_id = :p").param("p", program).update();
        for (var event : bonusEvents) {
            jdbc.sql("""
                            insert into points_bonus_event (id, program_id, starts_at, ends_at, multiplier_percent, channel)
                            values (:id, :p, :from, :to, :pct, :channel)
                            """)
                    .param("id", Ids.next()).param("p", program).param("from", utc(event.from()))
                    .param("to", utc(event.to())).param("pct", event.multiplierPercent())
                    .param("channel", event.channel() == null ? null : event.channel().name()).update();
        }
        return rules(program);
    }

    /**
     * The operator makes a group program (a mall's) owned by one merchant, which starts collecting in it. Members of
     * a merchant that moves keep their earlier balances in the merchant's earlier program.
     */
    @Transactional
    public ProgramRules createGroup(String name, UUID ownerMerchantId) {
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) throw new InvalidInput("name", "1 to 40 characters");
        merchants.find(ownerMerchantId).orElseThrow(() -> Problem.notFound("merchant"));
        var id = Ids.next();
        jdbc.sql("""
                        insert into points_program (id, owner_merchant_id, name, points_per_yuan, shared, created_at)
                        values (:id, :m, :name, 1, true, :now)
                        """)
                .param("id", id).param("m", ownerMerchantId).param("name", trimmed).param("now", now()).update();
        return addMerchant(id, new MerchantId(ownerMerchantId));
    }

    /**
     * Puts a merchant into a group program: its members collect there from now on (their balances so far stay in
     * the program they were earned in). Adding a merchant that is already in the program changes nothing.
     */
    @Transactional
    public ProgramRules addMerchant(UUID programId, MerchantId merchant) {
        var merchantId = merchant.value();
        var shared = jdbc.sql("select shared from points_program where id = :p for update").param("p", programId)
                .query(Boolean.class).optional().orElseThrow(() -> Problem.notFound("points program"));
        if (!shared) throw Problem.conflict("points-program-not-shared", "only group programs take other merchants");
        merchants.find(merchantId).orElseThrow(() -> Problem.notFound("merchant"));
        var current = jdbc.sql("""
                        select p.id, p.shared from points_program_merchant pm join points_program p on p.id = pm.program_id
                        where pm.merchant_id = :m for update of pm
                        """)
                .param("m", merchantId)
                .query((rs, row) -> new Current(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional();
        if (current.isPresent()) {
            if (programId.equals(current.get().program())) return rules(programId);
            if (current.get().shared()) {
                throw Problem.conflict("points-program-already-shared", "the merchant is in another group program");
            }
        }
        jdbc.sql("""
                        insert into points_program_merchant (program_id, merchant_id) values (:p, :m)
                        on conflict (merchant_id) do update set program_id = excluded.program_id
                        """)
                .param("p", programId).param("m", merchantId).update();
        memberships.moveToProgram(merchantId, programId);
        return rules(programId);
    }

    /** When a lot earned at that moment expires under the program's policy. */
    Instant expiryOf(ProgramRules rules, Instant earnedAt) {
        return ExpiryPolicy.parse(rules.expiryPolicy()).expiryOf(earnedAt);
    }

    /** The program whose rules the staff member may change: their merchant must own it, and they must manage. */
    UUID ownedProgram(StaffPrincipal staff) {
        var merchant = managedMerchant(staff);
        var program = programOf(merchant);
        var owner = jdbc.sql("select owner_merchant_id from points_program where id = :p for update").param("p", program)
                .query(UUID.class).single();
        if (!owner.equals(merchant)) throw Problem.forbidden("only the program's owner merchant changes it");
        return program;
    }

    static UUID managedMerchant(StaffPrincipal staff) {
        var merchant = staff.merchantId();
        if (merchant == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        return merchant;
    }

    private static void rate(String field, int rate) {
        if (rate < 0 || rate > 1000) throw new InvalidInput(field, "0 to 1000 points per yuan");
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private record Current(UUID program, boolean shared) {}
}

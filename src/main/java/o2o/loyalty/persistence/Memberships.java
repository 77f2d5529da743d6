package o2o.loyalty.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.loyalty.Membership;
import o2o.shared.Money;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The membership table: joining (one way per kind of joining), reading, and following merges and programs. */
@Repository
public class Memberships {

    private static final String MEMBER = """
            select customer_id, merchant_id, member_no, program_id, display_name, joined_at, channel from membership
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Memberships(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One customer's membership at one merchant. */
    public record MemberRow(UUID customerId, UUID merchantId, long number, UUID programId, @Nullable String name,
            Instant joinedAt, String channel) {}

    /** One line of a merchant's member list, with the member's visits and spend there. */
    public record ListedRow(UUID customerId, @Nullable String name, Instant joinedAt, String channel, int visits,
            Money spend, @Nullable Instant lastVisitAt) {

        public TimeCursor cursor() {
            return new TimeCursor(joinedAt, customerId);
        }
    }

    /** Those of these customers who are the merchant's members. */
    public java.util.Set<UUID> membersAmong(UUID merchantId, List<UUID> customerIds) {
        if (customerIds.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(jdbc.sql("""
                        select customer_id from membership where merchant_id = :m and customer_id = any(:c)
                        """)
                .param("m", merchantId).param("c", customerIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** The merchant's names for those of these customers it has named. */
    public java.util.Map<UUID, String> names(UUID merchantId, List<UUID> customerIds) {
        var names = new java.util.HashMap<UUID, String>();
        if (customerIds.isEmpty()) return names;
        jdbc.sql("""
                        select customer_id, display_name from membership
                         where merchant_id = :m and customer_id = any(:c) and display_name is not null
                        """)
                .param("m", merchantId).param("c", customerIds.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    /** A new member; false (and nothing changed) when the customer was a member already. */
    public boolean insert(Membership membership, @Nullable String name) {
        return jdbc.sql("""
                        insert into membership (merchant_id, customer_id, program_id, channel, joined_at, display_name)
                        values (:m, :c, :p, :channel, :at, :name) on conflict do nothing
                        """)
                .param("m", membership.merchantId()).param("c", membership.customerId())
                .param("p", membership.programId()).param("channel", membership.channel())
                .param("at", membership.joinedAt().atOffset(ZoneOffset.UTC))
                .param("name", new SqlParameterValue(Types.VARCHAR, name))
                .update() == 1;
    }

    /** A member brought in by an import: one who is a member already keeps their membership and gains the name. */
    public void insertImported(Membership membership, @Nullable String name) {
        jdbc.sql("""
                        insert into membership (merchant_id, customer_id, program_id, channel, joined_at, display_name)
                        values (:m, :c, :p, :channel, :at, :name)
                        on conflict (merchant_id, customer_id)
                        do update set display_name = coalesce(membership.display_name, excluded.display_name)
                        """)
                .param("m", membership.merchantId()).param("c", membership.customerId())
                .param("p", membership.programId()).param("channel", membership.channel())
                .param("at", membership.joinedAt().atOffset(ZoneOffset.UTC))
                .param("name", new SqlParameterValue(Types.VARCHAR, name))
                .update();
    }

    /** Many customers joining one merchant at once; those already members are left as they are. */
    public void insertAll(UUID merchantId, UUID programId, List<UUID> customerIds, String channel, Instant at) {
        var now = Timestamp.from(at);
        template.batchUpdate("""
                insert into membership (merchant_id, customer_id, program_id, channel, joined_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, customerIds, 5000, (ps, customer) -> {
            ps.setObject(1, merchantId);
            ps.setObject(2, customer);
            ps.setObject(3, programId);
            ps.setString(4, channel);
            ps.setTimestamp(5, now);
        });
    }

    public Optional<Membership> membership(UUID merchantId, UUID customerId) {
        return jdbc.sql(MEMBER + " where merchant_id = :m and customer_id = :c")
                .param("m", merchantId).param("c", customerId)
                .query(Memberships::membership)
                .optional();
    }

    /** A customer's memberships, oldest first. */
    public List<Membership> of(UUID customerId) {
        return jdbc.sql(MEMBER + " where customer_id = :c order by joined_at")
                .param("c", customerId)
                .query(Memberships::membership)
                .list();
    }

    /**
     * The customer's membership at the merchant, or, when the merchant collects in a group program (a mall's), their
     * membership at any merchant of that program: one membership of the group is good at all of its merchants. The
     * merchant's own membership comes first, then the earliest.
     */
    public Optional<MemberRow> findInGroup(UUID merchantId, UUID customerId) {
        return jdbc.sql(MEMBER + """
                         where customer_id = :c
                           and (merchant_id = :m or program_id = (
                                select pm.program_id from points_program_merchant pm
                                join points_program p on p.id = pm.program_id
                                where pm.merchant_id = :m and p.shared))
                         order by merchant_id = :m desc, joined_at
                         limit 1
                        """)
                .param("m", merchantId).param("c", customerId)
                .query(Memberships::member)
                .optional();
    }

    /** Whether the merchant collects in this program and the program is a group's. */
    public boolean inGroupProgram(UUID merchantId, UUID programId) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from points_program_merchant pm
                                       join points_program p on p.id = pm.program_id
                                       where pm.merchant_id = :m and p.id = :p and p.shared)
                        """).param("m", merchantId).param("p", programId).query(Boolean.class).single());
    }

    public boolean exists(UUID merchantId, UUID customerId) {
        return jdbc.sql("select count(*) from membership where merchant_id = :m and customer_id = :c")
                .param("m", merchantId).param("c", customerId).query(Long.class).single() > 0;
    }

    /** Every member of the merchant now collects in this program. */
    public void moveToProgram(UUID merchantId, UUID programId) {
        jdbc.sql("update membership set program_id = :p where merchant_id = :m").param("p", programId)
                .param("m", merchantId).update();
    }

    /**
     * The source customer's memberships become the target's: where both were members, the target keeps the earlier
     * joining (and its channel) and the first name known.
     */
    public void follow(UUID sourceId, UUID targetId) {
        jdbc.sql("""
                        update membership t
                        set joined_at = least(t.joined_at, s.joined_at),
                            channel = case when s.joined_at < t.joined_at then s.channel else t.channel end,
                            display_name = coalesce(t.display_name, s.display_name)
                        from membership s
                        where s.customer_id = :source and t.customer_id = :target and t.merchant_id = s.merchant_id
                        """)
                .param("source", sourceId).param("target", targetId).update();
        jdbc.sql("""
                        delete from membership s using membership t
                        where s.customer_id = :source and t.customer_id = :target and t.merchant_id = s.merchant_id
                        """)
                .param("source", sourceId).param("target", targetId).update();
        jdbc.sql("update membership set customer_id = :target where customer_id = :source")
                .param("source", sourceId).param("target", targetId).update();
    }

    public Optional<MemberRow> find(UUID merchantId, UUID customerId) {
        return jdbc.sql(MEMBER + " where merchant_id = :m and customer_id = :c")
                .param("m", merchantId).param("c", customerId)
                .query(Memberships::member)
                .optional();
    }

    public Optional<MemberRow> byNumber(long number) {
        return jdbc.sql(MEMBER + " where member_no = :n").param("n", number).query(Memberships::member).optional();
    }

    /**
     * A merchant's members newest first, after the cursor: all, or those whose name contains the escaped LIKE
     * pattern {@code name}.
     */
    public List<ListedRow> newestFirst(UUID merchantId, String escapedName, @Nullable TimeCursor after, int limit) {
        return jdbc.sql("""
                        select m.customer_id, m.display_name, m.joined_at, m.channel,
                               coalesce(a.visits, 0) as visits, coalesce(a.paid_minor - a.refunded_minor, 0) as spend,
                               coalesce(a.currency, 'CNY') as currency, a.last_visit_at
                        from membership m
                        left join member_activity a on a.merchant_id = m.merchant_id and a.customer_id = m.customer_id
                        where m.merchant_id = :m
                          and (:name = '' or m.display_name ilike '%' || :name || '%' escape '\\')
                          and (cast(:afterAt as timestamptz) is null
                               or (m.joined_at, m.customer_id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                        order by m.joined_at desc, m.customer_id desc
                        limit :limit
                        """)
                .param("m", merchantId).param("name", escapedName)
                .param("afterAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        after == null ? null : after.at().atOffset(ZoneOffset.UTC)))
                .param("afterId", new SqlParameterValue(Types.OTHER, after == null ? null : after.id()))
                .param("limit", limit)
                .query((rs, row) -> new ListedRow(rs.getObject("customer_id", UUID.class), rs.getString("display_name"),
                        instant(rs, "joined_at"), rs.getString("channel"), rs.getInt("visits"),
                        new Money(rs.getLong("spend"), Currency.getInstance(rs.getString("currency").strip())),
                        nullableInstant(rs, "last_visit_at")))
                .list();
    }

    private static Membership membership(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject("merchant_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("program_id", UUID.class), rs.getString("channel"), instant(rs, "joined_at"));
    }

    private static MemberRow member(ResultSet rs, int row) throws SQLException {
        return new MemberRow(rs.getObject("customer_id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getLong("member_no"), rs.getObject("program_id", UUID.class), rs.getString("display_name"),
                instant(rs, "joined_at"), rs.getString("channel"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

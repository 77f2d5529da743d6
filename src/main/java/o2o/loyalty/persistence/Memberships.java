package o2o.loyalty.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Money;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The membership rows as the counter and the member list read them. */
@Repository
public class Memberships {

    private static final String MEMBER = """
            select customer_id, merchant_id, member_no, program_id, display_name, joined_at, channel from membership
            """;

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

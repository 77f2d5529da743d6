package o2o.loyalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Page;
import o2o.shared.TimeCursor;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's side of membership: staff at the counter register and look up members (owner, manager, cashier);
 * owners and managers page through the member list and open a member's profile. Every read is of the caller's
 * merchant only: another merchant's member is simply not found.
 */
@Service
public class Members {

    private static final Pattern PHONE_DIGITS = Pattern.compile("[\\d\\s+-]+");
    private static final String SUMMARY = """
            select m.customer_id, c.phone, m.display_name, m.joined_at, m.channel, m.program_id
            from membership m join customer c on c.id = m.customer_id
            """;

    /** Ways to find a member at the counter, by the name of the query parameter; a new way is one more entry. */
    @FunctionalInterface
    private interface Finder {
        Optional<UUID> customer(UUID merchantId, String value);
    }

    private final Map<String, Finder> finders = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final Enrolment enrolment;
    private final Loyalty loyalty;
    private final Customers customers;
    private final Tiers tiers;
    private final RateLimits rateLimits;
    private final MembershipProperties properties;

    Members(JdbcClient jdbc, Enrolment enrolment, Loyalty loyalty, Customers customers, MemberCards cards, Tiers tiers,
            RateLimits rateLimits, MembershipProperties properties) {
        this.jdbc = jdbc;
        this.enrolment = enrolment;
        this.loyalty = loyalty;
        this.customers = customers;
        this.tiers = tiers;
        this.rateLimits = rateLimits;
        this.properties = properties;
        finders.put("phone", (merchant, value) -> customers.byPhone(PhoneNumber.parse(value)).map(CustomerPrincipal::customerId));
        finders.put("qr", (merchant, value) -> Optional.of(cards.holderAt(merchant, value)));
        finders.put("card", (merchant, value) -> customers.byCard(merchant, value).map(CustomerPrincipal::customerId));
        // the openid WeChat vouched for at sign-in; still only a member of the caller's merchant is found
        finders.put("openid", (merchant, value) -> customers.byWechatOpenid(value).map(CustomerPrincipal::customerId));
    }

    /**
     * The ways {@link #lookup} understands: {@code phone}, {@code qr} (the member QR code), {@code card} and
     * {@code openid} (the member's WeChat openid of the platform's official account).
     */
    public List<String> lookupKeys() {
        return List.copyOf(finders.keySet());
    }

    /**
     * Registers the customer by phone if new and makes them a member (channel {@code counter}); a member already is
     * left as they were. Returns the member and whether they joined just now.
     */
    @Transactional
    public Registered register(StaffPrincipal staff, String phone, @Nullable String name) {
        var merchant = atCounter(staff);
        var customer = customers.findOrRegister(PhoneNumber.parse(phone));
        boolean joined = enrolment.join(customer.customerId(), merchant, Enrolment.COUNTER, name);
        return new Registered(summary(merchant, customer.customerId()).orElseThrow(), joined);
    }

    public record Registered(MemberSummary member, boolean joinedNow) {}

    /**
     * Finds a member of a merchant by one of {@link #lookupKeys()}, for a caller that is not a person at the counter
     * (a store's POS, authenticated and rate-limited by its own module). Empty when nobody is a member by that value;
     * a malformed or expired member code is its own problem, as in {@link #lookup}.
     */
    @Transactional
    public Optional<MemberSummary> find(UUID merchantId, String way, String value) {
        var finder = finders.get(way);
        if (finder == null) throw new InvalidInput(way, "members are found by one of " + finders.keySet());
        if (value.isBlank()) throw new InvalidInput(way, "empty");
        return finder.customer(merchantId, value.strip()).flatMap(customer -> summary(merchantId, customer));
    }

    /**
     * Finds a member of the caller's merchant by exactly one of {@link #lookupKeys()} (other parameters are
     * ignored); 404 when the person is not a member here. Rate-limited per staff member.
     */
    @Transactional
    public MemberSummary lookup(StaffPrincipal staff, Map<String, String> by) {
        var merchant = atCounter(staff);
        rateLimits.check(new Limit("member-lookup", properties.lookupsPerStaffPerMinute(), Duration.ofMinutes(1)),
                staff.staffId().toString());
        var given = by.entrySet().stream()
                .filter(e -> finders.containsKey(e.getKey()) && e.getValue() != null && !e.getValue().isBlank())
                .toList();
        if (given.size() != 1) throw new InvalidInput("lookup", "give exactly one of " + finders.keySet());
        var key = given.getFirst();
        return finders.get(key.getKey()).customer(merchant, key.getValue().strip())
                .flatMap(customer -> summary(merchant, customer))
                .orElseThrow(() -> Problem.notFound("member"));
    }

    /**
     * The merchant's members, newest first: all, or those whose phone contains the digits typed or whose name
     * contains the text typed. Paged by cursor.
     */
    @Transactional(readOnly = true)
    public Page<MemberProfile.Listing> list(StaffPrincipal staff, @Nullable String query, @Nullable String cursor,
            int limit) {
        var merchant = managing(staff);
        if (limit < 1 || limit > 100) throw new InvalidInput("limit", "1 to 100");
        var q = query == null ? "" : query.strip();
        if (q.length() > 40) throw new InvalidInput("q", "at most 40 characters");
        var digits = PHONE_DIGITS.matcher(q).matches() ? q.replaceAll("\\D", "") : "";
        var name = digits.isEmpty() ? q : "";
        var after = TimeCursor.parse(cursor);
        var rows = jdbc.sql("""
                        select m.customer_id, c.phone, m.display_name, m.joined_at, m.channel,
                               coalesce(a.visits, 0) as visits, coalesce(a.paid_minor - a.refunded_minor, 0) as spend,
                               coalesce(a.currency, 'CNY') as currency, a.last_visit_at
                        from membership m
                        join customer c on c.id = m.customer_id
                        left join member_activity a on a.merchant_id = m.merchant_id and a.customer_id = m.customer_id
                        where m.merchant_id = :m
                          and (:digits = '' or c.phone like '%' || :digits || '%')
                          and (:name = '' or m.display_name ilike '%' || :name || '%' escape '\\')
                          and (cast(:afterAt as timestamptz) is null
                               or (m.joined_at, m.customer_id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                        order by m.joined_at desc, m.customer_id desc
                        limit :limit
                        """)
                .param("m", merchant).param("digits", digits).param("name", likeEscaped(name))
                .param("afterAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        after == null ? null : after.at().atOffset(ZoneOffset.UTC)))
                .param("afterId", new SqlParameterValue(Types.OTHER, after == null ? null : after.id()))
                .param("limit", limit + 1)
                .query((rs, row) -> new MemberProfile.Listing(rs.getObject("customer_id", UUID.class),
                        masked(rs.getString("phone")), rs.getString("display_name"), instant(rs, "joined_at"),
                        rs.getString("channel"), rs.getInt("visits"),
                        new Money(rs.getLong("spend"), Currency.getInstance(rs.getString("currency").strip())),
                        nullableInstant(rs, "last_visit_at")))
                .list();
        if (rows.size() <= limit) return new Page<>(rows, null);
        var last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), new TimeCursor(last.joinedAt(), last.customerId()).toString());
    }

    /** A member's profile at the caller's merchant; 404 for anyone who is not a member there. */
    @Transactional
    public MemberProfile profile(StaffPrincipal staff, UUID customerId) {
        var merchant = managing(staff);
        var member = summary(merchant, customerId).orElseThrow(() -> Problem.notFound("member"));
        var activity = jdbc.sql("""
                        select visits, paid_minor - refunded_minor, currency, last_visit_at from member_activity
                        where merchant_id = :m and customer_id = :c
                        """)
                .param("m", merchant).param("c", customerId)
                .query((rs, row) -> new Activity(rs.getInt(1),
                        new Money(rs.getLong(2), Currency.getInstance(rs.getString(3).strip())), instant(rs, "last_visit_at")))
                .optional();
        var recent = jdbc.sql("""
                        select order_id, channel, total_minor, refunded_minor, currency, paid_at
                        from member_activity_order where merchant_id = :m and customer_id = :c
                        order by paid_at desc, order_id desc limit 10
                        """)
                .param("m", merchant).param("c", customerId)
                .query((rs, row) -> {
                    var currency = Currency.getInstance(rs.getString("currency").strip());
                    return new MemberProfile.RecentOrder(rs.getObject("order_id", UUID.class), rs.getString("channel"),
                            new Money(rs.getLong("total_minor"), currency),
                            new Money(rs.getLong("refunded_minor"), currency), instant(rs, "paid_at"));
                })
                .list();
        return new MemberProfile(customerId, member.phone(), member.name(), member.joinedAt(), member.channel(),
                activity.map(Activity::visits).orElse(0), activity.map(Activity::spend).orElse(Money.cny(0)),
                activity.map(Activity::lastVisitAt).orElse(null), member.points(), member.tier(), recent);
    }

    private Optional<MemberSummary> summary(UUID merchant, UUID customerId) {
        return jdbc.sql(SUMMARY + " where m.merchant_id = :m and m.customer_id = :c")
                .param("m", merchant).param("c", customerId)
                .query((rs, row) -> new SummaryRow(masked(rs.getString("phone")), rs.getString("display_name"),
                        instant(rs, "joined_at"), rs.getString("channel"), rs.getObject("program_id", UUID.class)))
                .optional()
                .map(r -> new MemberSummary(customerId, r.phone(), r.name(), r.joinedAt(), r.channel(),
                        loyalty.balance(customerId, r.programId()), tiers.of(customerId, merchant).orElse(null)));
    }

    private record SummaryRow(String phone, @Nullable String name, Instant joinedAt, String channel, UUID programId) {}

    /** Owners, managers and cashiers serve members at the counter. */
    private static UUID atCounter(StaffPrincipal staff) {
        if (staff.merchantId() == null
                || !(staff.role().manages() || staff.role() == Role.CASHIER)) {
            throw Problem.forbidden("only owners, managers and cashiers serve members at the counter");
        }
        return staff.merchantId();
    }

    private static UUID managing(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers see the member list");
        }
        return staff.merchantId();
    }

    private static String masked(String phone) {
        return new PhoneNumber(phone).masked();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Activity(int visits, Money spend, Instant lastVisitAt) {}
}

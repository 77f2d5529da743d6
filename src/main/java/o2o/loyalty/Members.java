package o2o.loyalty;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.persistence.Memberships;
import o2o.loyalty.persistence.Memberships.MemberRow;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Page;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's side of membership: staff at the counter register and look up members (owner, manager, cashier);
 * owners and managers page through the member list and open a member's profile. Every read is of the caller's
 * merchant only: another merchant's member is simply not found.
 */
@Service
public class Members {

    /** Ways to find a member at the counter, by the name of the query parameter; a new way is one more entry. */
    @FunctionalInterface
    private interface Finder {
        Optional<MemberSummary> member(UUID merchantId, String value);
    }

    private final Map<String, Finder> finders = new LinkedHashMap<>();
    private final Memberships memberships;
    private final MemberList list;
    private final MemberActivity activity;
    private final Enrolment enrolment;
    private final Loyalty loyalty;
    private final Customers customers;
    private final Tiers tiers;
    private final RateLimits rateLimits;
    private final MembershipProperties properties;

    Members(Memberships memberships, MemberList list, MemberActivity activity, Enrolment enrolment, Loyalty loyalty,
            Customers customers, MemberCards cards, Tiers tiers, RateLimits rateLimits,
            MembershipProperties properties) {
        this.memberships = memberships;
        this.list = list;
        this.activity = activity;
        this.enrolment = enrolment;
        this.loyalty = loyalty;
        this.customers = customers;
        this.tiers = tiers;
        this.rateLimits = rateLimits;
        this.properties = properties;
        finders.put("phone", (merchant, value) -> customers.byPhone(PhoneNumber.parse(value))
                .flatMap(customer -> summary(merchant, customer)));
        finders.put("qr", (merchant, value) -> {
            var member = cards.memberAt(merchant, value);
            return customers.phoneOf(member.customerId()).map(phone -> summary(member, phone));
        });
        finders.put("card", (merchant, value) -> customers.byCard(merchant, value)
                .flatMap(customer -> summary(merchant, customer)));
        // the openid WeChat vouched for at sign-in; still only a member of the caller's merchant is found
        finders.put("openid", (merchant, value) -> customers.byWechatOpenid(value)
                .flatMap(customer -> summary(merchant, customer)));
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
        boolean joined = enrolment.join(customer.id(),
                new MerchantId(merchant), Enrolment.COUNTER, name);
        return new Registered(summary(merchant, customer).orElseThrow(), joined);
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
        return finder.member(merchantId, value.strip());
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
        return finders.get(key.getKey()).member(merchant, key.getValue().strip())
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
        return list.page(merchant, MemberQuery.of(query), TimeCursor.parse(cursor), limit);
    }

    /** A member's profile at the caller's merchant; 404 for anyone who is not a member there. */
    @Transactional
    public MemberProfile profile(StaffPrincipal staff, UUID customerId) {
        var merchant = managing(staff);
        var member = memberships.find(merchant, customerId)
                .flatMap(row -> customers.phoneOf(customerId).map(phone -> summary(row, phone)))
                .orElseThrow(() -> Problem.notFound("member"));
        var totals = activity.totals(merchant, customerId);
        return new MemberProfile(customerId, member.phone(), member.name(), member.joinedAt(), member.channel(),
                totals.map(MemberActivity.Totals::visits).orElse(0),
                totals.map(MemberActivity.Totals::spend).orElse(Money.cny(0)),
                totals.map(MemberActivity.Totals::lastVisitAt).orElse(null), member.points(), member.tier(),
                activity.recentOrders(merchant, customerId));
    }

    private Optional<MemberSummary> summary(UUID merchant, CustomerPrincipal customer) {
        return memberships.findInGroup(merchant, customer.customerId()).map(row -> summary(row, customer.phone()));
    }

    private MemberSummary summary(MemberRow row, PhoneNumber phone) {
        var customer = new CustomerId(row.customerId());
        return new MemberSummary(row.customerId(), phone.masked(), row.name(), row.joinedAt(), row.channel(),
                loyalty.balance(customer, row.programId()), tiers.of(customer, new MerchantId(row.merchantId()))
                        .orElse(null));
    }

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
}

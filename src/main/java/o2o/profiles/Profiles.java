package o2o.profiles;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.campaigns.Attributions;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.Loyalty;
import o2o.loyalty.Membership;
import o2o.loyalty.Tier;
import o2o.loyalty.Tiers;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.profiles.persistence.ProfileDetails;
import o2o.profiles.persistence.ProfileRows;
import o2o.profiles.persistence.ProfileTags;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: a member's profile facts and the merchant's tags on them, for the merchant's owners and managers,
 * and only for the merchant's own members (404 for anyone else's). The owner of a group program (a mall) sees its
 * program's members, at any merchant of the group, with their facts across the group ({@link ProfileScopes}).
 */
@Service
public class Profiles {

    /** At most this many tags on one member. */
    public static final int MAX_TAGS = 10;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,19}");
    private static final int MONTHS = 12;

    private final ProfileRows rows;
    private final ProfileDetails details;
    private final ProfileTags tags;
    private final Loyalty loyalty;
    private final Tiers tiers;
    private final StoredValue storedValue;
    private final Stores stores;
    private final Customers customers;
    private final ProfileScopes scopes;
    private final Attributions attributions;
    private final Clock clock;

    Profiles(ProfileRows rows, ProfileDetails details, ProfileTags tags, Loyalty loyalty, Tiers tiers,
            StoredValue storedValue, Stores stores, Customers customers, ProfileScopes scopes,
            Attributions attributions, Clock clock) {
        this.attributions = attributions;
        this.scopes = scopes;
        this.rows = rows;
        this.details = details;
        this.tags = tags;
        this.loyalty = loyalty;
        this.tiers = tiers;
        this.storedValue = storedValue;
        this.stores = stores;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MemberFacts facts(StaffPrincipal staff, CustomerId customer) {
        var merchant = managing(staff);
        var m = scopes.readBy(merchant);
        var membership = member(merchant, m, customer);
        var c = customer.value();
        var row = rows.find(m, c);
        var now = clock.instant();
        var today = LocalDate.now(clock.withZone(ProfileBatch.ZONE));
        var since = today.withDayOfMonth(1).minusMonths(MONTHS - 1);
        var lifetime = row.map(r -> new MemberFacts.Window(r.visits(), Money.cny(r.spend())))
                .orElse(new MemberFacts.Window(0, Money.cny(0)));
        var last = row.map(ProfileRows.FactRow::lastVisitAt).orElse(null);
        var scores = row.filter(r -> r.r() != null && r.f() != null && r.m() != null)
                .map(r -> new MemberFacts.Scores(r.r(), r.f(), r.m())).orElse(null);
        var group = scores == null ? Rfm.Group.NEW : new Rfm(scores.r(), scores.f(), scores.m()).group();
        return new MemberFacts(c, row.map(ProfileRows.FactRow::joinedAt).orElse(membership.joinedAt()),
                row.map(ProfileRows.FactRow::firstVisitAt).orElse(null), last,
                last == null ? null : Duration.between(last, now).toDays(),
                row.map(r -> new MemberFacts.Window(r.visits90(), Money.cny(r.spend90())))
                        .orElse(new MemberFacts.Window(0, Money.cny(0))),
                row.map(r -> new MemberFacts.Window(r.visits365(), Money.cny(r.spend365())))
                        .orElse(new MemberFacts.Window(0, Money.cny(0))),
                lifetime,
                Money.cny(lifetime.visits() == 0 ? 0 : lifetime.spend().minor() / lifetime.visits()),
                scores, group,
                details.topStores(m, c, 3).stream().map(s -> new MemberFacts.StoreVisits(s.store(),
                        stores.find(s.store()).map(Store::name).orElse(""), s.visits())).toList(),
                details.topItems(m, c, 5).stream()
                        .map(i -> new MemberFacts.Item(i.title(), i.quantity(), Money.cny(i.amount()))).toList(),
                details.topCategories(m, c, 3).stream()
                        .map(x -> new MemberFacts.Category(x.category(), x.quantity(), Money.cny(x.amount())))
                        .toList(),
                details.channels(m, c).stream()
                        .map(ch -> new MemberFacts.ChannelOrders(ch.channel(), ch.orders())).toList(),
                rows.months(m, c, since).stream()
                        .map(x -> new MemberFacts.Month(x.month(), x.visits(), Money.cny(x.spend()))).toList(),
                tags.of(m, c),
                customers.birthdayOf(customer).orElse(null),
                attributions.firstCampaignsOf(merchant, List.of(customer)).get(customer),
                tiers.of(customer, merchant).map(Tier::name).orElse(null),
                loyalty.balance(customer, membership.programId()),
                storedValue.hasWallet(customer, merchant) ? storedValue.balance(customer, merchant).total()
                        : Money.cny(0));
    }

    /** Adds a tag (1–20 letters, digits, spaces, _ or -) to a member; adding one they have changes nothing. */
    @Transactional
    public List<String> tag(StaffPrincipal staff, CustomerId customer, @Nullable String tag) {
        var merchant = managing(staff);
        var scope = scopes.readBy(merchant);
        member(merchant, scope, customer);
        var clean = validTag(tag);
        if (!tags.add(scope, customer.value(), clean, MAX_TAGS, clock.instant())) {
            throw new InvalidInput("tag", "at most " + MAX_TAGS + " tags on a member", "profiles.tags.too-many",
                    MAX_TAGS);
        }
        return tags.of(scope, customer.value());
    }

    @Transactional
    public List<String> untag(StaffPrincipal staff, CustomerId customer, String tag) {
        var merchant = managing(staff);
        var scope = scopes.readBy(merchant);
        member(merchant, scope, customer);
        tags.remove(scope, customer.value(), validTag(tag));
        return tags.of(scope, customer.value());
    }

    static String validTag(@Nullable String tag) {
        if (tag == null) throw new InvalidInput("tag", "required");
        var clean = tag.strip();
        if (!TAG.matcher(clean).matches()) {
            throw new InvalidInput("tag", "1 to 20 letters, digits, spaces, _ or -", "profiles.tags.invalid");
        }
        return clean;
    }

    private Membership member(MerchantId merchant, UUID scope, CustomerId customer) {
        return scopes.memberSeenBy(merchant, scope, customer).orElseThrow(() -> Problem.notFound("member"));
    }

    private static MerchantId managing(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers see members' profiles");
        }
        return new MerchantId(staff.merchantId());
    }
}

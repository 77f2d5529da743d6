package o2o.profiles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.profiles.persistence.PendingProfiles;
import o2o.profiles.persistence.PendingProfiles.PendingFact;
import o2o.profiles.persistence.ProfileDetails;
import o2o.profiles.persistence.ProfileRows;
import o2o.shared.OrderId;
import o2o.shared.PendingDrain;
import org.springframework.stereotype.Component;

/**
 * Adds a batch of facts to the profiles, each once: the facts are recorded in {@code profile_applied_fact} in the
 * same transaction and only those recorded now count. The batch's orders are read in one call
 * ({@link Orders#findAll}): the customer, store, channel, lines and payment time come from the order, so a fact about a
 * customer merged since counts for the one they were merged into. The group programs of the batch's merchants are
 * read in one call too ({@link ProfileScopes#groupScopesOf}), so a fact at a mall's tenant also counts in the group,
 * and so are the menu categories of the batch's lines ({@link LineCategories}, at most two reads of the catalog).
 */
@Component
class ProfileProjection {

    /** A paid order, keyed by its id: also what {@link ProfileImport} records for a past order. */
    static final String PAID = "paid";
    /** Money back on a paid order, keyed by the order and the refund's reference. */
    static final String REFUND = "refund";
    /** A customer joined a merchant's membership, keyed by both. */
    static final String MEMBER = "member";

    private final PendingProfiles pending;
    private final ProfileRows rows;
    private final ProfileDetails details;
    private final Orders orders;
    private final SegmentMembership segments;
    private final ProfileScopes scopes;
    private final BirthdayFacts birthdays;
    private final LineCategories categories;
    private final Clock clock;

    ProfileProjection(PendingProfiles pending, ProfileRows rows, ProfileDetails details, Orders orders,
            SegmentMembership segments, ProfileScopes scopes, BirthdayFacts birthdays, LineCategories categories,
            Clock clock) {
        this.categories = categories;
        this.scopes = scopes;
        this.birthdays = birthdays;
        this.segments = segments;
        this.pending = pending;
        this.rows = rows;
        this.details = details;
        this.orders = orders;
        this.clock = clock;
    }

    void apply(List<PendingFact> facts) {
        var fresh = PendingDrain.firstTimes(facts, PendingFact::kind, PendingFact::factId, pending::firstTimeAll);
        if (fresh.isEmpty()) return;
        var ids = new HashSet<OrderId>();
        for (var fact : fresh) if (fact.orderId() != null) ids.add(new OrderId(fact.orderId()));
        Map<OrderId, Order> byId = ids.isEmpty() ? Map.of()
                : orders.findAll(ids).stream().collect(Collectors.toMap(Order::id, Function.identity()));
        var merchants = new HashSet<UUID>();
        for (var fact : fresh) merchants.add(fact.merchantId());
        for (var order : byId.values()) merchants.add(order.merchantId().value());
        var batch = new ProfileBatch(scopes.groupScopesOf(merchants));
        var paid = new ArrayList<Order>();
        for (var fact : fresh) {
            var order = fact.kind().equals(PAID) ? byId.get(new OrderId(fact.orderId())) : null;
            if (order != null) paid.add(order);
        }
        var known = paid.isEmpty() ? LineCategories.Known.NONE : categories.of(paid);
        for (var fact : fresh) {
            switch (fact.kind()) {
                case PAID -> {
                    var order = byId.get(new OrderId(fact.orderId()));
                    if (order != null && order.customerId() != null) batch.paid(order.merchantId().value(),
                            order.customerId().value(), order.storeId() == null ? null : order.storeId().value(),
                            order.channel().name(), fact.at(), fact.amount(), lines(order, known));
                }
                case REFUND -> {
                    var order = byId.get(new OrderId(fact.orderId()));
                    if (order != null && order.customerId() != null) batch.refunded(order.merchantId().value(),
                            order.customerId().value(), order.paidAt() != null ? order.paidAt() : fact.at(),
                            fact.amount());
                }
                case MEMBER -> batch.joined(fact.merchantId(), fact.customerId(), fact.at());
                default -> throw new IllegalStateException("no profile counts a fact of kind " + fact.kind());
            }
        }
        write(batch);
    }

    /**
     * Writes the batch, reads the birthdays of its customers met for the first time, and evaluates its members against
     * their merchants' segments, in the same transaction.
     */
    void write(ProfileBatch batch) {
        if (batch.isEmpty()) return;
        batch.writeTo(rows, details, LocalDate.now(clock.withZone(ProfileBatch.ZONE)));
        birthdays.readUnknown(batch.members().stream().map(ProfileRows.MemberKey::customer).distinct().toList());
        segments.reevaluate(batch.members());
    }

    static List<ProfileBatch.Line> lines(Order order, LineCategories.Known categories) {
        return order.lines().stream().map(l -> new ProfileBatch.Line(l.title(), l.quantity(), l.amount().minor(),
                categories.of(order.merchantId(), l.kind(), l.refId(), l.title()))).toList();
    }
}

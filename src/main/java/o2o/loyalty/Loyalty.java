package o2o.loyalty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.ledger.Account;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.loyalty.persistence.Memberships;
import o2o.loyalty.persistence.PointsLotRows.NewLot;
import o2o.loyalty.persistence.PointsLotRows;
import o2o.loyalty.persistence.TierActivities;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: join a merchant's membership, read points, and earn or give back points for orders. Points live
 * on the ledger: each merchant's ISSUED account in the program (which may go negative: it is what the merchant owes)
 * against each member's POINTS account (which may not).
 */
@Service
public class Loyalty {

    private final Memberships memberships;
    private final PointsLotRows lotRows;
    private final TierActivities tierActivities;
    private final Ledger ledger;
    private final PointsProgram programs;
    private final Tiers tiers;
    private final PointsLots lots;
    private final MemberActivity activity;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Loyalty(Memberships memberships, PointsLotRows lotRows, TierActivities tierActivities, Ledger ledger, PointsProgram programs, Tiers tiers,
            PointsLots lots, MemberActivity activity, Customers customers, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.memberships = memberships;
        this.lotRows = lotRows;
        this.tierActivities = tierActivities;
        this.programs = programs;
        this.tiers = tiers;
        this.lots = lots;
        this.activity = activity;
        this.customers = customers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The program a merchant's members collect in: its group's, or its own (made on first use, 1 point per yuan). */
    @Transactional
    public UUID programOf(UUID merchantId) {
        return programs.programOf(merchantId);
    }

    /** Many customers join at once (imports, demo data); those already members are left as they are. */
    @Transactional
    public void joinAll(UUID merchantId, List<UUID> customerIds, String channel) {
        var program = programOf(merchantId);
        memberships.insertAll(merchantId, program, customerIds, channel, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Membership> membership(CustomerId customer, MerchantId merchant) {
        return memberships.membership(merchant.value(), customer.value());
    }

    /**
     * The membership a customer earns and spends by at a merchant: their own there, or, for a merchant in a group
     * program (a mall's tenant), their membership at any merchant of the group.
     */
    @Transactional(readOnly = true)
    public Optional<Membership> memberAt(CustomerId customer, MerchantId merchant) {
        return memberships.findInGroup(merchant.value(), customer.value())
                .map(row -> new Membership(row.merchantId(), row.customerId(), row.programId(), row.channel(),
                        row.joinedAt()));
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(UUID customerId) {
        return memberships.of(customerId);
    }

    @Transactional
    public PointsBalance points(CustomerId customer, MerchantId merchant) {
        UUID customerId = customer.value();
        UUID merchantId = merchant.value();
        var program = programOf(merchantId);
        var account = ledger.account(memberKey(program, customerId), merchantId, false);
        return new PointsBalance(program, account.balance(), ledger.history(account.id(), 50));
    }
    /** A member's points in a program, read only: no account is opened and no history is read. */
    @Transactional(readOnly = true)
    public long balance(CustomerId customer, UUID programId) {
        return ledger.find(memberKey(programId, customer.value())).map(Account::balance).orElse(0L);
    }


    /**
     * Points for a paid order, if the customer is a member of its merchant: floor(yuan paid × the channel's points per
     * yuan × the member's tier multiplier % × the best bonus event's %), issued by the merchant's ISSUED account,
     * posted once ({@code order:<id>:earn}) and kept as a lot that expires under the program's policy. The order also
     * counts towards the member's tier, which is re-evaluated.
     */
    @Transactional
    public void earnFor(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return; // buying stored value earns nothing; spending it does
        var customer = customers.current(paid.customerId().value()).map(CustomerPrincipal::customerId)
                .orElse(paid.customerId().value()); // an order paid after its customer was merged earns for the merged one
        var membership = memberAt(new CustomerId(customer), paid.merchantId());
        if (membership.isEmpty()) return;
        var program = membership.get().programId();
        var rules = programs.rules(program);
        int tierPercent = tiers.current(program, customer).map(Tier::pointsMultiplierPercent).orElse(100);
        long points = new Earning(paid.total().minor(), rules.rateOn(paid.channel()), tierPercent,
                rules.bonusPercentAt(paid.at(), paid.channel())).points();
        var reference = "order:" + paid.orderId().value() + ":earn";
        if (!recordActivity(program, customer, paid.merchantId().value(), reference, points, paid.total().minor())) {
            return;
        }
        if (points > 0) {
            var entry = ledger.post(reference, "消费积分", paid.merchantId().value(), List.of(
                    new Posting(ledger.accountId(issuedKey(program, paid.merchantId().value()),
                            paid.merchantId().value(), true), -points),
                    new Posting(ledger.accountId(memberKey(program, customer), paid.merchantId().value(), false),
                            points)));
            if (!entry.replayed()) {
                var now = clock.instant();
                lotRows.insert(new NewLot(program, paid.merchantId().value(), customer, reference, points, now,
                        programs.expiryOf(rules, now)));
                events.publishEvent(new PointsEarned(paid.merchantId(), new CustomerId(customer), points, now,
                        reference));
            }
        }
        tiers.evaluate(program, customer, TierChangeReason.EARN);
    }

    /**
     * Bonus points from the merchant (a campaign's reward) for one of its members, issued by the merchant's ISSUED
     * account once per reference and kept as a lot that expires like earned points. Answers whether this call gave
     * them: not for a customer who is not a member, nor for a reference given before.
     */
    @Transactional
    public boolean bonus(MerchantId merchant, CustomerId customer, long points, String reference) {
        if (points < 1) throw new IllegalArgumentException("a bonus of " + points + " points");
        var membership = membership(customer, merchant);
        if (membership.isEmpty()) return false;
        var program = membership.get().programId();
        var customerId = customer.value();
        var entry = ledger.post(reference, "活动赠送积分", merchant.value(), List.of(
                new Posting(ledger.accountId(issuedKey(program, merchant.value()), merchant.value(), true), -points),
                new Posting(ledger.accountId(memberKey(program, customerId), merchant.value(), false), points)));
        if (entry.replayed()) return false;
        var now = clock.instant();
        lotRows.insert(new NewLot(program, merchant.value(), customerId, reference, points, now,
                programs.expiryOf(programs.rules(program), now)));
        events.publishEvent(new PointsEarned(merchant, customer, points, now, reference));
        return true;
    }

    /** Those of these customers who are the merchant's members. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> membersAmong(MerchantId merchant, java.util.Collection<UUID> customerIds) {
        return memberships.membersAmong(merchant.value(), List.copyOf(customerIds));
    }

    /**
     * The merchant's members whose points (in the merchant's program) start to expire between {@code from} and
     * {@code to}, with the first moment some do.
     */
    @Transactional
    public java.util.Map<UUID, java.time.Instant> expiring(MerchantId merchant, java.time.Instant from,
            java.time.Instant to) {
        var program = programs.programOf(merchant.value());
        var expiring = lotRows.expiring(program, from, to);
        var members = membersAmong(merchant, expiring.keySet());
        expiring.keySet().retainAll(members);
        return expiring;
    }

    /** What each of these customers is called at the merchant, for those the merchant has a name for. */
    @Transactional(readOnly = true)
    public java.util.Map<CustomerId, String> names(MerchantId merchant, java.util.Collection<CustomerId> customers) {
        return memberships.names(merchant.value(), customers.stream().map(CustomerId::value).toList()).entrySet()
                .stream().collect(Collectors.toMap(e -> new CustomerId(e.getKey()), java.util.Map.Entry::getValue));
    }

    /**
     * The points past orders earned, brought in with them (history, demo data) in batched inserts: one balanced
     * entry per order ({@code order:<id>:earn}, the merchant's ISSUED against the member's POINTS) and one lot each
     * for expiry, and the visits and spend they add to the members' profiles; orders brought in before are left as
     * they are. Returns how many entries were new.
     */
    @Transactional
    public int earnImported(UUID merchantId, List<ImportedEarning> orders) {
        var program = programOf(merchantId);
        var rules = programs.rules(program);
        var issued = ledger.account(issuedKey(program, merchantId), merchantId, true);
        var holders = orders.stream().map(o -> "customer:" + o.customerId()).collect(Collectors.toSet());
        var members = ledger.accounts("POINTS", "program:" + program, "PTS", holders, merchantId, false);
        record Earned(ImportedEarning order, long points) {}
        var earned = orders.stream().map(o -> new Earned(o, o.paid().minor() / 100 * rules.pointsPerYuan()))
                .filter(e -> e.points() > 0).toList();
        int fresh = ledger.postAll(earned.stream().map(e -> new Ledger.NewEntry("order:" + e.order().orderId() + ":earn",
                "消费积分", merchantId, e.order().paidAt(), List.of(new Posting(issued.id(), -e.points()),
                        new Posting(members.get("customer:" + e.order().customerId()), e.points())))).toList());
        lotRows.insertAll(earned.stream().map(e -> new NewLot(program, merchantId, e.order().customerId(),
                "order:" + e.order().orderId() + ":earn", e.points(), e.order().paidAt(),
                programs.expiryOf(rules, e.order().paidAt()))).toList());
        activity.recordImported(merchantId, "DEAL", orders);
        return fresh;
    }

    /**
     * A refund takes back the points its share of the order earned, as far as the member still has them (points
     * already spent are not clawed into a negative balance), into the account that issued them; the order's lot
     * gives them back first, then the oldest lots. The refund counts against the member's tier.
     */
    @Transactional
    public void reverseFor(OrderRefunded refunded) {
        var refundedTo = refunded.customerId();
        if (refundedTo == null) return; // a walk-in's refund: no points were earned
        var customer = customers.current(refundedTo.value()).map(CustomerPrincipal::customerId)
                .orElse(refundedTo.value());
        var earnReference = "order:" + refunded.orderId().value() + ":earn";
        var earned = tierActivities.earned(earnReference);
        if (earned.isEmpty()) return;
        var program = earned.get().programId();
        long share = Earning.refundShare(earned.get().points(), refunded.amount().minor(),
                refunded.orderTotal().minor());
        var reference = "order:" + refunded.orderId().value() + ":refund:" + refunded.reference();
        if (!recordActivity(program, customer, refunded.merchantId().value(), reference, -share,
                -refunded.amount().minor())) {
            return;
        }
        var memberAccount = ledger.account(memberKey(program, customer), refunded.merchantId().value(), false);
        long back = Math.min(share, memberAccount.balance());
        if (back > 0) {
            var issuing = ledger.entry(earnReference).orElseThrow().postings().stream()
                    .filter(p -> !p.accountId().equals(memberAccount.id())).findFirst().orElseThrow().accountId();
            var entry = ledger.post(reference, "退款扣回积分", refunded.merchantId().value(), List.of(
                    new Posting(memberAccount.id(), -back), new Posting(issuing, back)));
            if (!entry.replayed()) lots.consume(program, customer, back, earnReference);
        }
        tiers.evaluate(program, customer, TierChangeReason.REFUND);
    }

    /** What an order adds to (or a refund takes from) the member's tier measure; false if it was recorded before. */
    private boolean recordActivity(UUID program, UUID customer, UUID merchant, String reference, long points,
            long spendMinor) {
        return tierActivities.record(program, customer, merchant, reference, points, spendMinor, clock.instant());
    }

    static AccountKey memberKey(UUID program, UUID customerId) {
        return new AccountKey("POINTS", "customer:" + customerId, "program:" + program, "PTS");
    }

    /** The points a merchant gave out in a program (may go negative: what it owes its members). */
    static AccountKey issuedKey(UUID program, UUID merchantId) {
        return new AccountKey("ISSUED", "merchant:" + merchantId, "program:" + program, "PTS");
    }
}

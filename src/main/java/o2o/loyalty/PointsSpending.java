package o2o.loyalty;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spending points: the program's redemption rules, the spend itself (member POINTS → REDEEMED of the merchant where
 * they were spent, on the ledger) and its inverse. The ledger's conditional update is the guard against spending more
 * than the balance; it also locks the member's account row until commit, so one member's spendings and give-backs
 * run one after another, and the lots they consume (oldest expiry first, each row locked in that order) always add
 * up with the balance.
 */
@Service
public class PointsSpending {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Loyalty loyalty;
    private final PointsLots lots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PointsSpending(JdbcClient jdbc, Ledger ledger, Loyalty loyalty, PointsLots lots, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.loyalty = loyalty;
        this.lots = lots;
    }

    /** A spending: the points and the member's balance after it; {@code replayed} if it had been made before. */
    public record Spent(String reference, long points, long balance, boolean replayed) {}

    @Transactional(readOnly = true)
    public RedemptionRules rules(UUID programId) {
        return jdbc.sql("""
                        select points_per_yuan_off, redemption_cap_percent, min_points_per_use from points_program
                        where id = :p
                        """)
                .param("p", programId)
                .query((rs, row) -> new RedemptionRules(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
                .optional()
                .orElseThrow(() -> Problem.notFound("points program"));
    }

    /** The rules of the program this staff member's merchant collects in. */
    @Transactional
    public RedemptionRules rulesFor(StaffPrincipal staff) {
        return rules(loyalty.programOf(merchantOf(staff)));
    }

    /** Only the owner or a manager of the merchant that owns the program changes its rules. */
    @Transactional
    public RedemptionRules changeRules(StaffPrincipal staff, RedemptionRules rules) {
        var merchant = merchantOf(staff);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers change the redemption rules");
        var program = loyalty.programOf(merchant);
        int changed = jdbc.sql("""
                        update points_program set points_per_yuan_off = :rate, redemption_cap_percent = :cap,
                            min_points_per_use = :min
                        where id = :p and owner_merchant_id = :m
                        """)
                .param("rate", rules.pointsPerYuanOff())
                .param("cap", rules.capPercent())
                .param("min", rules.minPointsPerUse())
                .param("p", program)
                .param("m", merchant)
                .update();
        if (changed == 0) throw Problem.forbidden("the points program is run by the merchant that owns it");
        return rules(program);
    }

    /**
     * Spends a member's points at a merchant of the program, once per reference: posts POINTS → REDEEMED and takes
     * the points from the member's lots, oldest expiry first. Fails with 409 where the balance is short. What the
     * points are worth is the caller's business ({@link RedemptionRules#valueOf}); the mall prices in points.
     */
    @Transactional
    public Spent spend(CustomerId customer, UUID programId, MerchantId whereSpent, long points, String reference,
            String description) {
        var customerId = customer.value();
        var merchantWhereSpent = whereSpent.value();
        if (points <= 0) throw new InvalidInput("points", "more than 0");
        var member = ledger.account(Loyalty.memberKey(programId, customerId), merchantWhereSpent, false);
        var redeemed = ledger.account(redeemedKey(merchantWhereSpent, programId), merchantWhereSpent, true);
        var entry = ledger.post(reference, description, merchantWhereSpent,
                List.of(new Posting(member.id(), -points), new Posting(redeemed.id(), points)));
        if (entry.replayed()) {
            boolean same = entry.postings().stream()
                    .anyMatch(p -> p.accountId().equals(member.id()) && p.amount() == -points);
            same = same && entry.postings().stream().anyMatch(p -> p.accountId().equals(redeemed.id()));
            if (!same) {
                throw new Problem(HttpStatus.CONFLICT, "points-reference-reused",
                        "this reference was used for another spending");
            }
            return new Spent(reference, points, loyalty.balance(customer, programId), true);
        }
        lots.spend(programId, customer, points, reference);
        events.publishEvent(new PointsSpent(whereSpent, customer, points, clock.instant(), reference));
        return new Spent(reference, points, loyalty.balance(customer, programId), false);
    }

    /**
     * Gives back points of a spending (all of them, or a share), once per {@code backReference}: posts REDEEMED →
     * POINTS and restores the lots the spending took them from, latest expiry first. Nothing happens if nothing was
     * spent under {@code spendReference}.
     */
    @Transactional
    public void giveBack(String spendReference, String backReference, long points, String description) {
        var spent = ledger.entry(spendReference);
        if (spent.isEmpty() || points <= 0) return;
        var postings = spent.get().postings();
        var memberAccount = postings.stream().filter(p -> p.amount() < 0).findFirst().orElseThrow().accountId();
        var redeemedAccount = postings.stream().filter(p -> p.amount() > 0).findFirst().orElseThrow().accountId();
        long spentPoints = postings.stream().filter(p -> p.amount() > 0).mapToLong(Posting::amount).sum();
        if (points > spentPoints) throw new IllegalArgumentException("giving back more than was spent");
        var merchant = ledger.find(redeemedAccount).orElseThrow().merchantId();
        var entry = ledger.post(backReference, description, merchant,
                List.of(new Posting(redeemedAccount, -points), new Posting(memberAccount, points)));
        if (entry.replayed()) return;
        var uses = jdbc.sql("""
                        select u.lot_id, u.points - u.returned as open from points_lot_use u
                        join points_lot l on l.id = u.lot_id
                        where u.reference = :ref and u.returned < u.points
                        order by l.expires_at desc, l.id desc
                        for update of u, l
                        """)
                .param("ref", spendReference)
                .query((rs, row) -> new LotShare(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        long left = points;
        for (var use : uses) {
            if (left == 0) break;
            long take = Math.min(left, use.points());
            jdbc.sql("update points_lot set remaining = remaining + :take where id = :id")
                    .param("take", take).param("id", use.lotId()).update();
            jdbc.sql("update points_lot_use set returned = returned + :take where reference = :ref and lot_id = :id")
                    .param("take", take).param("ref", spendReference).param("id", use.lotId()).update();
            left -= take;
        }
    }

    /** The points spent under a reference; 0 if none were. */
    @Transactional(readOnly = true)
    public long spentUnder(String reference) {
        return ledger.entry(reference).stream().flatMap(e -> e.postings().stream())
                .filter(p -> p.amount() > 0).mapToLong(Posting::amount).sum();
    }

    /** A counter redemption: the customer, the points, what they took off, and the balance left. */
    public record CounterRedemption(UUID customerId, long points, Money value, long balance, boolean replayed) {}

    /**
     * Staff at the counter take points off a member's bill, once per Idempotency-Key (reference
     * {@code counter:<merchantId>:<key>}): the program's rate and minimum apply, the balance must cover it.
     */
    @Transactional
    public CounterRedemption redeemAtCounter(StaffPrincipal staff, UUID customerId, long points, String key,
            String note) {
        var merchant = merchantOf(staff);
        if (!staff.role().manages() && staff.role() != Role.CASHIER) {
            throw Problem.forbidden("only owners, managers and cashiers redeem points");
        }
        if (key.isBlank() || key.length() > 100) throw new InvalidInput("Idempotency-Key", "1 to 100 characters");
        if (note.length() > 100) throw new InvalidInput("note", "at most 100 characters");
        var member = new CustomerId(customerId);
        var membership = loyalty.memberAt(member, new MerchantId(merchant))
                .orElseThrow(() -> Problem.notFound("member"));
        var value = rules(membership.programId()).valueOf(points);
        var description = note.isBlank() ? "到店积分抵扣" : "到店积分抵扣：" + note.strip();
        var spent = spend(member, membership.programId(), new MerchantId(merchant), points,
                "counter:" + merchant + ":" + key, description);
        return new CounterRedemption(customerId, points, value, spent.balance(), spent.replayed());
    }

    /** A member's balance in a program. */
    @Transactional(readOnly = true)
    public long balance(CustomerId customer, UUID programId) {
        return loyalty.balance(customer, programId);
    }

    private static UUID merchantOf(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.forbidden("only a merchant's staff");
        return staff.merchantId();
    }

    static AccountKey redeemedKey(UUID merchantId, UUID programId) {
        return new AccountKey("REDEEMED", "merchant:" + merchantId, "program:" + programId, "PTS");
    }

    private record LotShare(UUID lotId, long points) {}
}

package o2o.loyalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: join a merchant's membership, read points, and earn or give back points for orders. Points live
 * on the ledger: the program's ISSUED account (which may go negative: it is what the program owes) against each
 * member's POINTS account (which may not).
 */
@Service
public class Loyalty {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Ledger ledger;
    private final Merchants merchants;
    private final Clock clock;

    Loyalty(JdbcClient jdbc, JdbcTemplate template, Ledger ledger, Merchants merchants, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.ledger = ledger;
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

    /** Joins a merchant's membership; joining again changes nothing. */
    @Transactional
    public Membership join(UUID customerId, UUID merchantId, String channel) {
        if (channel.isBlank() || channel.length() > 30) throw new InvalidInput("channel", "1 to 30 characters");
        merchants.find(merchantId).filter(m -> m.status() == MerchantStatus.APPROVED)
                .orElseThrow(() -> Problem.notFound("merchant"));
        var program = programOf(merchantId);
        jdbc.sql("""
                        insert into membership (merchant_id, customer_id, program_id, channel, joined_at)
                        values (:m, :c, :p, :channel, :now) on conflict do nothing
                        """)
                .param("m", merchantId).param("c", customerId).param("p", program).param("channel", channel)
                .param("now", now()).update();
        return membership(customerId, merchantId).orElseThrow();
    }

    /** Many customers join at once (imports, demo data); those already members are left as they are. */
    @Transactional
    public void joinAll(UUID merchantId, List<UUID> customerIds, String channel) {
        var program = programOf(merchantId);
        var now = Timestamp.from(clock.instant());
        template.batchUpdate("""
                insert into membership (merchant_id, customer_id, program_id, channel, joined_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, customerIds, 5000, (ps, customer) -> {
            ps.setObject(1, merchantId);
            ps.setObject(2, customer);
            ps.setObject(3, program);
            ps.setString(4, channel);
            ps.setTimestamp(5, now);
        });
    }

    @Transactional(readOnly = true)
    public Optional<Membership> membership(UUID customerId, UUID merchantId) {
        return jdbc.sql("select merchant_id, customer_id, program_id, channel, joined_at from membership where merchant_id = :m and customer_id = :c")
                .param("m", merchantId).param("c", customerId)
                .query((rs, row) -> new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(UUID customerId) {
        return jdbc.sql("select merchant_id, customer_id, program_id, channel, joined_at from membership where customer_id = :c order by joined_at")
                .param("c", customerId)
                .query((rs, row) -> new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional
    public PointsBalance points(UUID customerId, UUID merchantId) {
        var program = programOf(merchantId);
        var account = ledger.account(memberKey(program, customerId), merchantId, false);
        return new PointsBalance(program, account.balance(), ledger.history(account.id(), 50));
    }

    /**
     * Points for a paid order, if the customer is a member of its merchant: points per yuan of what was paid,
     * posted once (reference {@code order:<id>:earn}) and kept as a lot that expires at the end of next year.
     */
    @Transactional
    public void earnFor(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return; // buying stored value earns nothing; spending it does
        var membership = membership(paid.customerId(), paid.merchantId());
        if (membership.isEmpty()) return;
        var program = membership.get().programId();
        int perYuan = jdbc.sql("select points_per_yuan from points_program where id = :p").param("p", program)
                .query(Integer.class).single();
        long points = paid.total().minor() / 100 * perYuan;
        if (points <= 0) return;
        var reference = "order:" + paid.orderId() + ":earn";
        var entry = ledger.post(reference, "消费积分", paid.merchantId(), List.of(
                new Posting(ledger.account(issuedKey(program), null, true).id(), -points),
                new Posting(ledger.account(memberKey(program, paid.customerId()), paid.merchantId(), false).id(), points)));
        if (entry.replayed()) return;
        var expires = LocalDate.ofInstant(clock.instant(), CHINA).plusYears(2).withDayOfYear(1).atStartOfDay(CHINA);
        jdbc.sql("""
                        insert into points_lot (id, program_id, merchant_id, customer_id, reference, points, remaining,
                                                earned_at, expires_at)
                        values (:id, :p, :m, :c, :ref, :pts, :pts, :now, :expires) on conflict (reference) do nothing
                        """)
                .param("id", Ids.next()).param("p", program).param("m", paid.merchantId()).param("c", paid.customerId())
                .param("ref", reference).param("pts", points).param("now", now())
                .param("expires", expires.toOffsetDateTime()).update();
    }

    /**
     * The points past orders earned, brought in with them (history, demo data) in batched inserts: one balanced
     * entry per order ({@code order:<id>:earn}, the merchant's ISSUED against the member's POINTS) and one lot each
     * for expiry; orders whose points were posted before are left as they are. Returns how many entries were new.
     */
    @Transactional
    public int earnImported(UUID merchantId, List<ImportedEarning> orders) {
        var program = programOf(merchantId);
        int perYuan = jdbc.sql("select points_per_yuan from points_program where id = :p").param("p", program)
                .query(Integer.class).single();
        var issued = ledger.account(new AccountKey("ISSUED", "merchant:" + merchantId, "program:" + program, "PTS"),
                merchantId, true);
        var holders = orders.stream().map(o -> "customer:" + o.customerId()).collect(Collectors.toSet());
        var members = ledger.accounts("POINTS", "program:" + program, "PTS", holders, merchantId, false);
        record Earned(ImportedEarning order, long points) {}
        var earned = orders.stream().map(o -> new Earned(o, o.paid().minor() / 100 * perYuan))
                .filter(e -> e.points() > 0).toList();
        int fresh = ledger.postAll(earned.stream().map(e -> new Ledger.NewEntry("order:" + e.order().orderId() + ":earn",
                "消费积分", merchantId, e.order().paidAt(), List.of(new Posting(issued.id(), -e.points()),
                        new Posting(members.get("customer:" + e.order().customerId()), e.points())))).toList());
        template.batchUpdate("""
                insert into points_lot (id, program_id, merchant_id, customer_id, reference, points, remaining,
                                        earned_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing
                """, earned, 10_000, (ps, e) -> {
            var paidAt = e.order().paidAt();
            ps.setObject(1, Ids.next());
            ps.setObject(2, program);
            ps.setObject(3, merchantId);
            ps.setObject(4, e.order().customerId());
            ps.setString(5, "order:" + e.order().orderId() + ":earn");
            ps.setLong(6, e.points());
            ps.setLong(7, e.points());
            ps.setTimestamp(8, Timestamp.from(paidAt));
            ps.setTimestamp(9, Timestamp.from(LocalDate.ofInstant(paidAt, CHINA).plusYears(2).withDayOfYear(1)
                    .atStartOfDay(CHINA).toInstant()));
        });
        return fresh;
    }

    /**
     * A refund takes back the points its share of the order earned, as far as the member still has them (points
     * already spent are not clawed into a negative balance).
     */
    @Transactional
    public void reverseFor(OrderRefunded refunded) {
        var earned = ledger.entry("order:" + refunded.orderId() + ":earn");
        if (earned.isEmpty()) return;
        var membership = membership(refunded.customerId(), refunded.merchantId()).orElseThrow();
        var program = membership.programId();
        var memberAccount = ledger.account(memberKey(program, refunded.customerId()), refunded.merchantId(), false);
        long earnedPoints = earned.get().postings().stream()
                .filter(p -> p.accountId().equals(memberAccount.id())).mapToLong(Posting::amount).sum();
        long share = earnedPoints * refunded.amount().minor() / refunded.orderTotal().minor();
        long back = Math.min(share, memberAccount.balance());
        if (back <= 0) return;
        ledger.post("order:" + refunded.orderId() + ":refund:" + refunded.reference(), "退款扣回积分",
                refunded.merchantId(), List.of(new Posting(memberAccount.id(), -back),
                        new Posting(ledger.account(issuedKey(program), null, true).id(), back)));
        jdbc.sql("""
                        update points_lot set remaining = greatest(remaining - :back, 0)
                        where reference = :ref
                        """)
                .param("back", back).param("ref", "order:" + refunded.orderId() + ":earn").update();
    }

    static AccountKey memberKey(UUID program, UUID customerId) {
        return new AccountKey("POINTS", "customer:" + customerId, "program:" + program, "PTS");
    }

    static AccountKey issuedKey(UUID program) {
        return new AccountKey("ISSUED", "program:" + program, "program:" + program, "PTS");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

package o2o.loyalty;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.coupons.CouponTemplate;
import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.identity.StaffPrincipal;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points mall (积分商城): a merchant offers its coupons for points, optionally in limited stock; a member
 * exchanges points for one. An exchange claims its reference first (a racing repeat waits on it and then returns the
 * first result), then takes stock in one conditional update, spends the points and grants the coupon, all in one
 * transaction, so a failure in any step leaves nothing behind.
 */
@Service
public class PointsMall {

    private static final String COLUMNS = """
            id, merchant_id, program_id, coupon_template_id, points, stock, exchanged, active, created_at
            """;

    private final JdbcClient jdbc;
    private final Loyalty loyalty;
    private final PointsSpending spending;
    private final Coupons coupons;
    private final Clock clock;

    PointsMall(JdbcClient jdbc, Loyalty loyalty, PointsSpending spending, Coupons coupons, Clock clock) {
        this.jdbc = jdbc;
        this.loyalty = loyalty;
        this.spending = spending;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** An item of the mall, with the coupon it gives. */
    public record Item(UUID id, UUID merchantId, UUID programId, long points, @Nullable Integer stock, int exchanged,
            boolean active, Instant createdAt, CouponTemplate coupon) {}

    /** An exchange: the points it cost, the coupon it gave, and the member's balance after it. */
    public record Exchange(String reference, UUID itemId, long points, WalletCoupon coupon, long balance) {}

    /** Owners and managers offer one of their own coupons for points. */
    @Transactional
    public Item offer(StaffPrincipal staff, UUID couponTemplateId, long points, @Nullable Integer stock) {
        var merchant = managedMerchant(staff);
        if (points < 1 || points > 1_000_000_000L) throw new InvalidInput("points", "1 to 1000000000");
        if (stock != null && (stock < 0 || stock > 10_000_000)) throw new InvalidInput("stock", "0 to 10000000");
        var template = coupons.template(couponTemplateId).filter(t -> t.merchantId().equals(merchant))
                .orElseThrow(() -> Problem.notFound("coupon"));
        if (!template.claimableAt(clock.instant())) {
            throw new Problem(HttpStatus.CONFLICT, "coupon-not-claimable", "this coupon can no longer be given out");
        }
        var id = Ids.next();
        jdbc.sql("""
                        insert into points_mall_item (id, merchant_id, program_id, coupon_template_id, points, stock,
                                                      exchanged, active, created_at)
                        values (:id, :m, :p, :t, :points, :stock, 0, true, :now)
                        """)
                .param("id", id)
                .param("m", merchant)
                .param("p", loyalty.programOf(merchant))
                .param("t", template.id())
                .param("points", points)
                .param("stock", new SqlParameterValue(Types.INTEGER, stock))
                .param("now", utc(clock.instant()))
                .update();
        return item(id).orElseThrow();
    }

    /** Takes an item off the mall; exchanges made stay. Another merchant's item is "not found". */
    @Transactional
    public void withdraw(StaffPrincipal staff, UUID itemId) {
        var merchant = managedMerchant(staff);
        int changed = jdbc.sql("update points_mall_item set active = false where id = :id and merchant_id = :m and active")
                .param("id", itemId)
                .param("m", merchant)
                .update();
        if (changed == 0) throw Problem.notFound("points mall item");
    }

    /** The merchant's items on offer, newest first (for its staff). */
    @Transactional(readOnly = true)
    public List<Item> itemsOf(StaffPrincipal staff) {
        if (staff.merchantId() == null) throw Problem.forbidden("only a merchant's staff");
        return items(staff.merchantId());
    }

    /** What a merchant's members can exchange now: active items whose coupon can still be given out. */
    @Transactional(readOnly = true)
    public List<Item> onOffer(UUID merchantId) {
        var now = clock.instant();
        return items(merchantId).stream()
                .filter(i -> i.coupon().claimableAt(now) && (i.stock() == null || i.stock() > 0))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Item> item(UUID itemId) {
        return jdbc.sql("select " + COLUMNS + " from points_mall_item where id = :id")
                .param("id", itemId)
                .query(this::toItem)
                .optional();
    }

    /**
     * Exchanges a member's points for an item's coupon, once per Idempotency-Key (reference
     * {@code mall:<customerId>:<key>}). 409 if sold out or the balance is short; nothing changes then.
     */
    @Transactional
    public Exchange exchange(CustomerId customer, UUID itemId, String key) {
        var customerId = customer.value();
        if (key.isBlank() || key.length() > 100) throw new InvalidInput("Idempotency-Key", "1 to 100 characters");
        var reference = "mall:" + customerId + ":" + key;
        var item = item(itemId).filter(Item::active).orElseThrow(() -> Problem.notFound("points mall item"));
        int fresh = jdbc.sql("""
                        insert into points_mall_exchange (reference, item_id, merchant_id, customer_id, points, created_at)
                        values (:ref, :item, :m, :c, :points, :now) on conflict (reference) do nothing
                        """)
                .param("ref", reference)
                .param("item", item.id())
                .param("m", item.merchantId())
                .param("c", customerId)
                .param("points", item.points())
                .param("now", utc(clock.instant()))
                .update();
        if (fresh == 0) return earlier(customer, item.id(), reference);
        var membership = loyalty.membership(customer, new MerchantId(item.merchantId()))
                .orElseThrow(CheckoutPoints::notAMember);
        int taken = jdbc.sql("""
                        update points_mall_item set stock = stock - 1, exchanged = exchanged + 1
                        where id = :id and active and (stock is null or stock > 0)
                        """)
                .param("id", item.id())
                .update();
        if (taken == 0) throw new Problem(HttpStatus.CONFLICT, "points-mall-sold-out", "this item is sold out");
        var spent = spending.spend(customer, membership.programId(), new MerchantId(item.merchantId()), item.points(),
                reference, "积分兑换：" + item.coupon().terms().title());
        var coupon = coupons.grant(item.coupon().id(), customer, reference);
        jdbc.sql("update points_mall_exchange set coupon_id = :coupon where reference = :ref")
                .param("coupon", coupon.id())
                .param("ref", reference)
                .update();
        return new Exchange(reference, item.id(), item.points(), coupon, spent.balance());
    }

    /** The exchange made before with this key; the key used for another item is a conflict. */
    private Exchange earlier(CustomerId customer, UUID itemId, String reference) {
        var exchange = jdbc.sql("""
                        select e.item_id, e.points, e.coupon_id, i.program_id from points_mall_exchange e
                        join points_mall_item i on i.id = e.item_id
                        where e.reference = :ref and e.customer_id = :c
                        """)
                .param("ref", reference)
                .param("c", customer.value())
                .query((rs, row) -> new Exchange(reference, rs.getObject(1, UUID.class), rs.getLong(2),
                        coupons.coupon(customer, rs.getObject(3, UUID.class)).orElseThrow(),
                        spending.balance(customer, rs.getObject(4, UUID.class))))
                .single();
        if (!exchange.itemId().equals(itemId)) {
            throw new Problem(HttpStatus.CONFLICT, "points-reference-reused", "this key was used for another exchange");
        }
        return exchange;
    }

    private List<Item> items(UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + """
                         from points_mall_item where merchant_id = :m and active order by created_at desc, id desc
                        """)
                .param("m", merchantId)
                .query(this::toItem)
                .list();
    }

    private Item toItem(ResultSet rs, int row) throws SQLException {
        var template = coupons.template(rs.getObject("coupon_template_id", UUID.class)).orElseThrow();
        return new Item(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("program_id", UUID.class), rs.getLong("points"), (Integer) rs.getObject("stock"),
                rs.getInt("exchanged"), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), template);
    }

    private static UUID managedMerchant(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers run the points mall");
        }
        return staff.merchantId();
    }
}

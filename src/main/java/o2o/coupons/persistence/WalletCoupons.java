package o2o.coupons.persistence;

import static o2o.coupons.persistence.CouponRows.TEMPLATE_COLUMNS;
import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.coupons.WalletCoupon;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coupon table (a customer's coupons, each moved by one conditional update of its status) and coupon_claim (how
 * many of a template each customer claimed).
 */
@Repository
public class WalletCoupons {

    private static final String SELECT = "select c.id as coupon_id, c.status, c.order_id, c.claimed_at, "
            + TEMPLATE_COLUMNS + " from coupon c join coupon_template t on t.id = c.template_id";

    private final JdbcClient jdbc;

    WalletCoupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more claim of the template by the customer; false when they hold as many as the limit allows. */
    public boolean countClaim(UUID templateId, UUID customerId, int limit) {
        return jdbc.sql("""
                        insert into coupon_claim (template_id, merchant_id, customer_id, claimed)
                        values (:template, (select merchant_id from coupon_template where id = :template), :customer, 1)
                        on conflict (template_id, customer_id, merchant_id)
                            do update set claimed = coupon_claim.claimed + 1
                            where coupon_claim.claimed < :limit
                        """)
                .param("template", templateId)
                .param("customer", customerId)
                .param("limit", limit)
                .update() == 1;
    }

    /** Puts an available coupon in the customer's wallet; false when a coupon with this id is there already. */
    public boolean insert(UUID id, UUID templateId, UUID merchantId, UUID customerId, Instant now) {
        return jdbc.sql("""
                        insert into coupon (id, template_id, merchant_id, customer_id, status, claimed_at)
                        values (:id, :template, :merchant, :customer, 'AVAILABLE', :now)
                        on conflict (id, merchant_id) do nothing
                        """)
                .param("id", id)
                .param("template", templateId)
                .param("merchant", merchantId)
                .param("customer", customerId)
                .param("now", utc(now))
                .update() == 1;
    }

    public List<WalletCoupon> ofCustomer(UUID customerId) {
        return jdbc.sql(SELECT + " where c.customer_id = :customer order by c.claimed_at desc, c.id desc")
                .param("customer", customerId)
                .query(CouponRows::walletCoupon)
                .list();
    }

    public Optional<WalletCoupon> find(UUID customerId, UUID couponId) {
        return jdbc.sql(SELECT + " where c.customer_id = :customer and c.id = :id")
                .param("customer", customerId)
                .param("id", couponId)
                .query(CouponRows::walletCoupon)
                .optional();
    }

    /**
     * AVAILABLE → RESERVED for the order, noting what it takes off and at which merchant; false when another order
     * holds it or it was used.
     */
    public boolean reserve(UUID couponId, UUID customerId, UUID orderId, UUID orderMerchantId, long discountMinor) {
        return jdbc.sql("""
                        update coupon set status = 'RESERVED', order_id = :order, order_merchant_id = :merchant,
                            discount_minor = :discount
                        where id = :id and customer_id = :customer and status = 'AVAILABLE'
                        """)
                .param("order", orderId)
                .param("merchant", orderMerchantId)
                .param("discount", discountMinor)
                .param("id", couponId)
                .param("customer", customerId)
                .update() == 1;
    }

    /**
     * RESERVED for the order → USED; nothing when it is not held for it. A mall coupon's discount becomes what the
     * mall owes the merchant of the order, answered (once: only by the update that used it) for the ledger.
     */
    public Optional<MallDue> use(UUID couponId, UUID orderId, Instant now) {
        return jdbc.sql("""
                        update coupon c set status = 'USED', used_at = :now,
                            due_minor = case when t.mall_id is null then 0 else coalesce(c.discount_minor, 0) end
                        from coupon_template t
                        where c.id = :id and c.order_id = :order and c.status = 'RESERVED' and t.id = c.template_id
                        returning t.mall_id, t.merchant_id, c.order_merchant_id, c.due_minor, t.currency
                        """)
                .param("now", utc(now))
                .param("id", couponId)
                .param("order", orderId)
                .query(WalletCoupons::due)
                .list().stream().flatMap(Optional::stream).findFirst();
    }

    /**
     * The mall's share of a refund of the order the coupon was used on: its due times this refund's part of the
     * order's total, rounded down, and all that is left when the order is refunded in full; never more than the
     * due. The refund's caller has locked the order's row, so refunds of one order come here one after the other
     * and each reads what went back before.
     */
    public Optional<MallDue> returnDue(UUID couponId, UUID orderId, long refundedMinor, long totalMinor, boolean whole) {
        return jdbc.sql("""
                        update coupon c set due_returned_minor = case when :whole or :total = 0 then c.due_minor
                                else least(c.due_minor, c.due_returned_minor + c.due_minor * :refunded / :total) end
                        from coupon_template t, (select id, due_returned_minor from coupon where id = :id) before
                        where c.id = before.id and c.order_id = :order and c.status = 'USED' and c.due_minor > 0
                          and t.id = c.template_id
                        returning t.mall_id, t.merchant_id, c.order_merchant_id,
                            c.due_returned_minor - before.due_returned_minor as due_minor, t.currency
                        """)
                .param("whole", whole)
                .param("total", totalMinor)
                .param("refunded", refundedMinor)
                .param("id", couponId)
                .param("order", orderId)
                .query(WalletCoupons::due)
                .list().stream().flatMap(Optional::stream).findFirst();
    }

    /** What a mall owes the merchant where its coupon was used (or, for a refund, what it no longer owes). */
    public record MallDue(UUID mallId, UUID mallMerchantId, UUID tenantMerchantId, Money amount) {}

    /** Nothing for a merchant's own coupon or nothing owed. */
    private static Optional<MallDue> due(ResultSet rs, int row) throws SQLException {
        var mall = rs.getObject("mall_id", UUID.class);
        var amount = rs.getLong("due_minor");
        if (mall == null || amount <= 0) return Optional.empty();
        return Optional.of(new MallDue(mall, rs.getObject("merchant_id", UUID.class),
                rs.getObject("order_merchant_id", UUID.class),
                new Money(amount, Currency.getInstance(rs.getString("currency")))));
    }

    /** RESERVED for the order → AVAILABLE; nothing when it is not held for it. */
    public void release(UUID couponId, UUID orderId) {
        jdbc.sql("""
                        update coupon set status = 'AVAILABLE', order_id = null, order_merchant_id = null,
                            discount_minor = null
                        where id = :id and order_id = :order and status = 'RESERVED'
                        """)
                .param("id", couponId)
                .param("order", orderId)
                .update();
    }

    /** The source's coupons become the target's, and its claims count toward the target's limits. */
    public void moveCustomer(UUID sourceId, UUID targetId) {
        jdbc.sql("update coupon set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
        jdbc.sql("""
                        insert into coupon_claim (template_id, merchant_id, customer_id, claimed)
                        select template_id, merchant_id, :target, claimed from coupon_claim where customer_id = :source
                        on conflict (template_id, customer_id, merchant_id)
                            do update set claimed = coupon_claim.claimed + excluded.claimed
                        """)
                .param("target", targetId).param("source", sourceId).update();
        jdbc.sql("delete from coupon_claim where customer_id = :source").param("source", sourceId).update();
    }
}

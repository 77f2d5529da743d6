package o2o.coupons.persistence;

import static o2o.coupons.persistence.CouponRows.TEMPLATE_COLUMNS;
import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.coupons.WalletCoupon;
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
                        insert into coupon_claim (template_id, customer_id, claimed) values (:template, :customer, 1)
                        on conflict (template_id, customer_id) do update set claimed = coupon_claim.claimed + 1
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
                        on conflict (id) do nothing
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

    /** AVAILABLE → RESERVED for the order; false when another order holds it or it was used. */
    public boolean reserve(UUID couponId, UUID customerId, UUID orderId) {
        return jdbc.sql("""
                        update coupon set status = 'RESERVED', order_id = :order
                        where id = :id and customer_id = :customer and status = 'AVAILABLE'
                        """)
                .param("order", orderId)
                .param("id", couponId)
                .param("customer", customerId)
                .update() == 1;
    }

    /** RESERVED for the order → USED; nothing when it is not held for it. */
    public void use(UUID couponId, UUID orderId, Instant now) {
        jdbc.sql("update coupon set status = 'USED', used_at = :now where id = :id and order_id = :order and status = 'RESERVED'")
                .param("now", utc(now))
                .param("id", couponId)
                .param("order", orderId)
                .update();
    }

    /** RESERVED for the order → AVAILABLE; nothing when it is not held for it. */
    public void release(UUID couponId, UUID orderId) {
        jdbc.sql("update coupon set status = 'AVAILABLE', order_id = null where id = :id and order_id = :order and status = 'RESERVED'")
                .param("id", couponId)
                .param("order", orderId)
                .update();
    }

    /** The source's coupons become the target's, and its claims count toward the target's limits. */
    public void moveCustomer(UUID sourceId, UUID targetId) {
        jdbc.sql("update coupon set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
        jdbc.sql("""
                        insert into coupon_claim (template_id, customer_id, claimed)
                        select template_id, :target, claimed from coupon_claim where customer_id = :source
                        on conflict (template_id, customer_id) do update set claimed = coupon_claim.claimed + excluded.claimed
                        """)
                .param("target", targetId).param("source", sourceId).update();
        jdbc.sql("delete from coupon_claim where customer_id = :source").param("source", sourceId).update();
    }
}

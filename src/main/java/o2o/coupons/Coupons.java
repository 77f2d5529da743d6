package o2o.coupons;

import static o2o.shared.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Claiming takes one from the template's quantity and one from the customer's allowance, each in one
 * conditional statement, so neither is exceeded however many claim at once. At checkout a coupon is reserved for the
 * order, used when it is paid, and released when it is cancelled.
 */
@Service
public class Coupons {

    private static final String TEMPLATE_COLUMNS = """
            t.id, t.merchant_id, t.title, t.kind, t.amount_off_minor, t.percent_off, t.max_discount_minor,
            t.min_spend_minor, t.currency, t.store_ids, t.total_quantity, t.claimed, t.per_customer_limit,
            t.valid_from, t.valid_until, t.active
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Coupons(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public CouponTemplate issue(StaffPrincipal staff, CouponTerms terms, Set<UUID> merchantStoreIds) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers issue coupons");
        }
        if (!merchantStoreIds.containsAll(terms.storeIds())) throw Problem.notFound("store");
        var id = Ids.next();
        var currency = terms.minSpend().currency();
        jdbc.sql("""
                        insert into coupon_template (id, merchant_id, title, kind, amount_off_minor, percent_off,
                            max_discount_minor, min_spend_minor, currency, store_ids, total_quantity, claimed,
                            per_customer_limit, valid_from, valid_until, active, created_at)
                        values (:id, :merchant, :title, :kind, :amountOff, :percentOff, :maxDiscount, :minSpend,
                            :currency, :stores, :total, 0, :limit, :validFrom, :validUntil, true, :now)
                        """)
                .param("id", id)
                .param("merchant", staff.merchantId())
                .param("title", terms.title().strip())
                .param("kind", terms.kind().name())
                .param("amountOff", new SqlParameterValue(Types.BIGINT, minor(terms.amountOff())))
                .param("percentOff", new SqlParameterValue(Types.INTEGER, terms.percentOff()))
                .param("maxDiscount", new SqlParameterValue(Types.BIGINT, minor(terms.maxDiscount())))
                .param("minSpend", terms.minSpend().minor())
                .param("currency", currency.getCurrencyCode())
                .param("stores", terms.storeIds().toArray(UUID[]::new))
                .param("total", terms.totalQuantity())
                .param("limit", terms.perCustomerLimit())
                .param("validFrom", utc(terms.validFrom()))
                .param("validUntil", utc(terms.validUntil()))
                .param("now", utc(clock.instant()))
                .update();
        return template(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<CouponTemplate> template(UUID templateId) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + " from coupon_template t where t.id = :id")
                .param("id", templateId)
                .query(Coupons::template)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<CouponTemplate> templatesOf(UUID merchantId) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS
                        + " from coupon_template t where t.merchant_id = :merchant order by t.id desc")
                .param("merchant", merchantId)
                .query(Coupons::template)
                .list();
    }

    /** Templates a customer can claim now at this merchant (optionally: that apply at this store). */
    @Transactional(readOnly = true)
    public List<CouponTemplate> claimable(UUID merchantId, @Nullable UUID storeId) {
        var now = utc(clock.instant());
        return jdbc.sql("select " + TEMPLATE_COLUMNS + """
                         from coupon_template t
                        where t.merchant_id = :merchant and t.active and t.claimed < t.total_quantity
                          and t.valid_until > :now
                          and (cast(:store as uuid) is null or cardinality(t.store_ids) = 0 or :store = any(t.store_ids))
                        order by t.id
                        """)
                .param("merchant", merchantId)
                .param("now", now)
                .param("store", new SqlParameterValue(Types.OTHER, storeId))
                .query(Coupons::template)
                .list();
    }

    @Transactional
    public WalletCoupon claim(UUID customerId, UUID templateId) {
        var template = template(templateId).orElseThrow(() -> Problem.notFound("coupon"));
        var now = clock.instant();
        if (!template.active() || !now.isBefore(template.terms().validUntil())) {
            throw new Problem(HttpStatus.CONFLICT, "coupon-not-claimable", "this coupon can no longer be claimed");
        }
        int allowed = jdbc.sql("""
                        insert into coupon_claim (template_id, customer_id, claimed) values (:template, :customer, 1)
                        on conflict (template_id, customer_id) do update set claimed = coupon_claim.claimed + 1
                            where coupon_claim.claimed < :limit
                        """)
                .param("template", templateId)
                .param("customer", customerId)
                .param("limit", template.terms().perCustomerLimit())
                .update();
        if (allowed == 0) {
            throw new Problem(HttpStatus.CONFLICT, "coupon-limit-reached", "you already hold as many as allowed");
        }
        int taken = jdbc.sql("update coupon_template set claimed = claimed + 1 where id = :id and claimed < total_quantity")
                .param("id", templateId)
                .update();
        if (taken == 0) throw new Problem(HttpStatus.CONFLICT, "coupon-sold-out", "all of these have been claimed");
        var id = Ids.next();
        jdbc.sql("""
                        insert into coupon (id, template_id, merchant_id, customer_id, status, claimed_at)
                        values (:id, :template, :merchant, :customer, 'AVAILABLE', :now)
                        """)
                .param("id", id)
                .param("template", templateId)
                .param("merchant", template.merchantId())
                .param("customer", customerId)
                .param("now", utc(now))
                .update();
        return coupon(customerId, id).orElseThrow();
    }

    /**
     * Puts a coupon of this template into the customer's wallet without the claim rules (the per-customer limit):
     * for coupons given in exchange for something, e.g. points. It still takes one from the template's quantity, in
     * one conditional statement. Idempotent by reference: the coupon's id is derived from it, so a second grant with
     * the same reference (even a racing one, which waits on the primary key) returns the first coupon.
     */
    @Transactional
    public WalletCoupon grant(UUID templateId, UUID customerId, String reference) {
        var template = template(templateId).orElseThrow(() -> Problem.notFound("coupon"));
        var id = UUID.nameUUIDFromBytes(("coupon-grant:" + templateId + ":" + customerId + ":" + reference)
                .getBytes(StandardCharsets.UTF_8));
        var now = clock.instant();
        int fresh = jdbc.sql("""
                        insert into coupon (id, template_id, merchant_id, customer_id, status, claimed_at)
                        values (:id, :template, :merchant, :customer, 'AVAILABLE', :now)
                        on conflict (id) do nothing
                        """)
                .param("id", id)
                .param("template", templateId)
                .param("merchant", template.merchantId())
                .param("customer", customerId)
                .param("now", utc(now))
                .update();
        if (fresh == 0) return coupon(customerId, id).orElseThrow(() -> Problem.notFound("coupon"));
        if (!template.active() || !now.isBefore(template.terms().validUntil())) {
            throw new Problem(HttpStatus.CONFLICT, "coupon-not-claimable", "this coupon can no longer be given out");
        }
        int taken = jdbc.sql("update coupon_template set claimed = claimed + 1 where id = :id and claimed < total_quantity")
                .param("id", templateId)
                .update();
        if (taken == 0) throw new Problem(HttpStatus.CONFLICT, "coupon-sold-out", "all of these have been given out");
        return coupon(customerId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<WalletCoupon> wallet(UUID customerId) {
        return jdbc.sql("select c.id as coupon_id, c.status, c.order_id, c.claimed_at, " + TEMPLATE_COLUMNS + """
                         from coupon c join coupon_template t on t.id = c.template_id
                        where c.customer_id = :customer order by c.claimed_at desc, c.id desc
                        """)
                .param("customer", customerId)
                .query(Coupons::walletCoupon)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<WalletCoupon> coupon(UUID customerId, UUID couponId) {
        return jdbc.sql("select c.id as coupon_id, c.status, c.order_id, c.claimed_at, " + TEMPLATE_COLUMNS + """
                         from coupon c join coupon_template t on t.id = c.template_id
                        where c.customer_id = :customer and c.id = :id
                        """)
                .param("customer", customerId)
                .param("id", couponId)
                .query(Coupons::walletCoupon)
                .optional();
    }

    /**
     * Holds the customer's coupon for an order and says what it takes off. Fails if it is not theirs, not
     * available, not for this merchant or these stores, not valid now, or the subtotal is below its minimum.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Money reserve(UUID couponId, UUID customerId, UUID merchantId, Set<UUID> storeIds, Money subtotal,
            UUID orderId) {
        var coupon = coupon(customerId, couponId).orElseThrow(() -> Problem.notFound("coupon"));
        var terms = coupon.terms();
        var now = clock.instant();
        if (!coupon.merchantId().equals(merchantId)
                || (!terms.storeIds().isEmpty() && terms.storeIds().stream().noneMatch(storeIds::contains))) {
            throw unusable("this coupon is for another merchant or store");
        }
        if (now.isBefore(terms.validFrom()) || !now.isBefore(terms.validUntil())) throw unusable("not valid now");
        if (subtotal.compareTo(terms.minSpend()) < 0) throw unusable("the order is below the coupon's minimum spend");
        int held = jdbc.sql("""
                        update coupon set status = 'RESERVED', order_id = :order
                        where id = :id and customer_id = :customer and status = 'AVAILABLE'
                        """)
                .param("order", orderId)
                .param("id", couponId)
                .param("customer", customerId)
                .update();
        if (held == 0) throw unusable("this coupon is already used or held by another order");
        return terms.discountOn(subtotal);
    }

    /** The order was paid: its coupon is spent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(UUID couponId, UUID orderId) {
        jdbc.sql("update coupon set status = 'USED', used_at = :now where id = :id and order_id = :order and status = 'RESERVED'")
                .param("now", utc(clock.instant()))
                .param("id", couponId)
                .param("order", orderId)
                .update();
    }

    /** The order was cancelled unpaid: the coupon goes back to the wallet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID couponId, UUID orderId) {
        jdbc.sql("update coupon set status = 'AVAILABLE', order_id = null where id = :id and order_id = :order and status = 'RESERVED'")
                .param("id", couponId)
                .param("order", orderId)
                .update();
    }

    private static Problem unusable(String detail) {
        return new Problem(HttpStatus.CONFLICT, "coupon-not-applicable", detail);
    }

    private static @Nullable Long minor(@Nullable Money money) {
        return money == null ? null : money.minor();
    }


    private static CouponTerms terms(ResultSet rs) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var amountOff = (Long) rs.getObject("amount_off_minor");
        var maxDiscount = (Long) rs.getObject("max_discount_minor");
        return new CouponTerms(rs.getString("title"), CouponTerms.Kind.valueOf(rs.getString("kind")),
                amountOff == null ? null : new Money(amountOff, currency), (Integer) rs.getObject("percent_off"),
                maxDiscount == null ? null : new Money(maxDiscount, currency),
                new Money(rs.getLong("min_spend_minor"), currency), SqlArrays.uuids(rs.getArray("store_ids")),
                rs.getInt("total_quantity"), rs.getInt("per_customer_limit"),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                rs.getObject("valid_until", OffsetDateTime.class).toInstant());
    }

    static CouponTemplate template(ResultSet rs, int row) throws SQLException {
        return new CouponTemplate(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), terms(rs),
                rs.getInt("claimed"), rs.getBoolean("active"));
    }

    static WalletCoupon walletCoupon(ResultSet rs, int row) throws SQLException {
        return new WalletCoupon(rs.getObject("coupon_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("merchant_id", UUID.class), rs.getString("title"), terms(rs),
                WalletCoupon.Status.valueOf(rs.getString("status")), rs.getObject("order_id", UUID.class),
                rs.getObject("claimed_at", OffsetDateTime.class).toInstant());
    }
}

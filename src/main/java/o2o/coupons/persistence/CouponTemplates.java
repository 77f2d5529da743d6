package o2o.coupons.persistence;

import static o2o.coupons.persistence.CouponRows.TEMPLATE_COLUMNS;
import static o2o.shared.Timestamps.utc;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.coupons.CouponTemplate;
import o2o.coupons.CouponTerms;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The coupon_template table: a template's terms, and its quantity taken one at a time by a guarded update. */
@Repository
public class CouponTemplates {

    private final JdbcClient jdbc;

    CouponTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID merchantId, CouponTerms terms, Instant now) {
        jdbc.sql("""
                        insert into coupon_template (id, merchant_id, title, kind, amount_off_minor, percent_off,
                            max_discount_minor, min_spend_minor, currency, store_ids, total_quantity, claimed,
                            per_customer_limit, valid_from, valid_until, active, created_at)
                        values (:id, :merchant, :title, :kind, :amountOff, :percentOff, :maxDiscount, :minSpend,
                            :currency, :stores, :total, 0, :limit, :validFrom, :validUntil, true, :now)
                        """)
                .param("id", id)
                .param("merchant", merchantId)
                .param("title", terms.title().strip())
                .param("kind", terms.kind().name())
                .param("amountOff", new SqlParameterValue(Types.BIGINT, minor(terms.amountOff())))
                .param("percentOff", new SqlParameterValue(Types.INTEGER, terms.percentOff()))
                .param("maxDiscount", new SqlParameterValue(Types.BIGINT, minor(terms.maxDiscount())))
                .param("minSpend", terms.minSpend().minor())
                .param("currency", terms.minSpend().currency().getCurrencyCode())
                .param("stores", terms.storeIds().toArray(UUID[]::new))
                .param("total", terms.totalQuantity())
                .param("limit", terms.perCustomerLimit())
                .param("validFrom", utc(terms.validFrom()))
                .param("validUntil", utc(terms.validUntil()))
                .param("now", utc(now))
                .update();
    }

    public Optional<CouponTemplate> find(UUID templateId) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + " from coupon_template t where t.id = :id")
                .param("id", templateId)
                .query(CouponRows::template)
                .optional();
    }

    public List<CouponTemplate> ofMerchant(UUID merchantId) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS
                        + " from coupon_template t where t.merchant_id = :merchant order by t.id desc")
                .param("merchant", merchantId)
                .query(CouponRows::template)
                .list();
    }

    public List<CouponTemplate> claimable(UUID merchantId, @Nullable UUID storeId, Instant now) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + """
                         from coupon_template t
                        where t.merchant_id = :merchant and t.active and t.claimed < t.total_quantity
                          and t.valid_until > :now
                          and (cast(:store as uuid) is null or cardinality(t.store_ids) = 0 or :store = any(t.store_ids))
                        order by t.id
                        """)
                .param("merchant", merchantId)
                .param("now", utc(now))
                .param("store", new SqlParameterValue(Types.OTHER, storeId))
                .query(CouponRows::template)
                .list();
    }

    /** Takes one of the template's quantity; false when all have been taken. */
    public boolean takeOne(UUID templateId) {
        return jdbc.sql("update coupon_template set claimed = claimed + 1 where id = :id and claimed < total_quantity")
                .param("id", templateId)
                .update() == 1;
    }

    private static @Nullable Long minor(@Nullable Money money) {
        return money == null ? null : money.minor();
    }
}

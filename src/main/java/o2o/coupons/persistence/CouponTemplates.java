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
import o2o.coupons.MallScope;
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
        insert(id, merchantId, terms, null, now);
    }

    /** A template; with a mall scope, a mall coupon of the mall's merchant for these tenant merchants. */
    public void insert(UUID id, UUID merchantId, CouponTerms terms, @Nullable MallScope mall, Instant now) {
        jdbc.sql("""
                        insert into coupon_template (id, merchant_id, title, kind, amount_off_minor, percent_off,
                            max_discount_minor, min_spend_minor, currency, store_ids, total_quantity, claimed,
                            per_customer_limit, valid_from, valid_until, active, created_at, mall_id, mall_name,
                            all_tenants, eligible_merchant_ids)
                        values (:id, :merchant, :title, :kind, :amountOff, :percentOff, :maxDiscount, :minSpend,
                            :currency, :stores, :total, 0, :limit, :validFrom, :validUntil, true, :now, :mall,
                            :mallName, :allTenants, :eligible)
                        """)
                .param("mall", new SqlParameterValue(Types.OTHER, mall == null ? null : mall.mallId()))
                .param("mallName", new SqlParameterValue(Types.VARCHAR, mall == null ? null : mall.mallName()))
                .param("allTenants", mall != null && mall.allTenants())
                .param("eligible", mall == null ? new SqlParameterValue(Types.OTHER, null)
                        : mall.merchantIds().toArray(UUID[]::new))
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
                        where (t.merchant_id = :merchant and t.mall_id is null
                               or t.mall_id is not null and t.eligible_merchant_ids @> array[cast(:merchant as uuid)])
                          and t.active and t.claimed < t.total_quantity
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

    /** The mall's coupons, newest first, each with how many have been used. */
    public List<Usage> ofMall(UUID mallId) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + """
                        , (select count(*) from coupon c where c.template_id = t.id and c.status = 'USED') as used
                         from coupon_template t where t.mall_id = :mall order by t.id desc
                        """)
                .param("mall", mallId)
                .query((rs, row) -> new Usage(CouponRows.template(rs, row), rs.getInt("used")))
                .list();
    }

    public record Usage(CouponTemplate template, int used) {}

    /** Mall coupons a customer can claim now. */
    public List<CouponTemplate> claimableInMall(UUID mallId, Instant now) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + """
                         from coupon_template t
                        where t.mall_id = :mall and t.active and t.claimed < t.total_quantity and t.valid_until > :now
                        order by t.id
                        """)
                .param("mall", mallId)
                .param("now", utc(now))
                .query(CouponRows::template)
                .list();
    }

    /** The merchant is a tenant now: the mall's coupons for all its tenants take it in (once). */
    public int admitTenant(UUID mallId, UUID merchantId) {
        return jdbc.sql("""
                        update coupon_template set eligible_merchant_ids = array_append(eligible_merchant_ids, :merchant)
                        where mall_id = :mall and all_tenants and not (eligible_merchant_ids @> array[cast(:merchant as uuid)])
                        """)
                .param("mall", mallId)
                .param("merchant", merchantId)
                .update();
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

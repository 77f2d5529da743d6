package o2o.coupons.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

import o2o.coupons.CouponTemplate;
import o2o.coupons.CouponTerms;
import o2o.coupons.MallScope;
import o2o.coupons.WalletCoupon;
import o2o.shared.Money;
import o2o.shared.SqlArrays;
import org.jspecify.annotations.Nullable;

/** The template's columns and how a row of them (alone, or beside a coupon's) becomes a template or a coupon. */
final class CouponRows {

    static final String TEMPLATE_COLUMNS = """
            t.id, t.merchant_id, t.title, t.kind, t.amount_off_minor, t.percent_off, t.max_discount_minor,
            t.min_spend_minor, t.currency, t.store_ids, t.total_quantity, t.claimed, t.per_customer_limit,
            t.valid_from, t.valid_until, t.active, t.mall_id, t.mall_name, t.all_tenants, t.eligible_merchant_ids
            """;

    private CouponRows() {}

    static CouponTemplate template(ResultSet rs, int row) throws SQLException {
        return new CouponTemplate(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), terms(rs),
                rs.getInt("claimed"), rs.getBoolean("active"), mall(rs));
    }

    static WalletCoupon walletCoupon(ResultSet rs, int row) throws SQLException {
        return new WalletCoupon(rs.getObject("coupon_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("merchant_id", UUID.class), rs.getString("title"), terms(rs),
                WalletCoupon.Status.valueOf(rs.getString("status")), rs.getObject("order_id", UUID.class),
                rs.getObject("claimed_at", OffsetDateTime.class).toInstant(), mall(rs));
    }

    private static @Nullable MallScope mall(ResultSet rs) throws SQLException {
        var mallId = rs.getObject("mall_id", UUID.class);
        if (mallId == null) return null;
        return new MallScope(mallId, rs.getString("mall_name"), rs.getBoolean("all_tenants"),
                SqlArrays.uuids(rs.getArray("eligible_merchant_ids")));
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
}

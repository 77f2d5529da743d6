package o2o.vouchers.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.vouchers.Voucher;
import o2o.vouchers.VoucherCode;
import o2o.vouchers.persistence.RedemptionRows.NewRedemption;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code voucher} table: its one insert, the conditional updates whose count decides, and its rows. */
@Repository
public class VoucherRows {

    private static final String COLUMNS = """
            v.id, v.merchant_id, v.order_id, v.customer_id, v.deal_id, v.deal_title, v.code, v.status, v.price_minor,
            v.currency, v.valid_from, v.valid_until, v.issued_at, v.redeemed_at, v.redeemed_store_id
            """;

    /** A unit of a paid order to issue, with its code drawn at random. */
    public record NewVoucher(UUID merchantId, UUID orderId, int unitNo, UUID customerId, UUID dealId, String dealTitle,
            VoucherCode code, Money price, Instant validFrom, Instant validUntil) {}

    /** Of an order's vouchers, how many are left to use and how many were used (redeemed or lapsed). */
    public record Usage(long open, long used) {}

    private final JdbcClient jdbc;

    VoucherRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if the unit was issued before or its code is taken at the merchant (draw again then). */
    public boolean issue(NewVoucher voucher, Instant now) {
        return jdbc.sql("""
                        insert into voucher (id, merchant_id, order_id, unit_no, customer_id, deal_id, deal_title, code,
                            status, price_minor, currency, valid_from, valid_until, issued_at)
                        values (:id, :merchant, :order, :unit, :customer, :deal, :title, :code, 'ISSUED', :price,
                            :currency, :from, :until, :now)
                        on conflict do nothing
                        """)
                .param("id", Ids.next())
                .param("merchant", voucher.merchantId())
                .param("order", voucher.orderId())
                .param("unit", voucher.unitNo())
                .param("customer", voucher.customerId())
                .param("deal", voucher.dealId())
                .param("title", voucher.dealTitle())
                .param("code", voucher.code().value())
                .param("price", voucher.price().minor())
                .param("currency", voucher.price().currency().getCurrencyCode())
                .param("from", utc(voucher.validFrom()))
                .param("until", utc(voucher.validUntil()))
                .param("now", utc(now))
                .update() == 1;
    }

    public boolean unitIssued(UUID orderId, int unitNo) {
        return jdbc.sql("select count(*) from voucher where order_id = :order and unit_no = :unit")
                .param("order", orderId)
                .param("unit", unitNo)
                .query(Long.class)
                .single() > 0;
    }

    public List<Voucher> ofOrder(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from voucher v where v.order_id = :order order by v.unit_no")
                .param("order", orderId)
                .query(VoucherRows::voucher)
                .list();
    }

    public List<Voucher> ofCustomer(UUID customerId) {
        return jdbc.sql("select " + COLUMNS + """
                         from voucher v where v.customer_id = :customer order by v.issued_at desc, v.unit_no limit 200
                        """)
                .param("customer", customerId)
                .query(VoucherRows::voucher)
                .list();
    }

    public Optional<Voucher> find(UUID voucherId) {
        return jdbc.sql("select " + COLUMNS + " from voucher v where v.id = :id")
                .param("id", voucherId)
                .query(VoucherRows::voucher)
                .optional();
    }

    public Optional<Voucher> byCode(@Nullable UUID merchantId, VoucherCode code) {
        return jdbc.sql("select " + COLUMNS + " from voucher v where v.merchant_id = :merchant and v.code = :code")
                .param("merchant", merchantId)
                .param("code", code.value())
                .query(VoucherRows::voucher)
                .optional();
    }

    /** ISSUED vouchers past their validity, locked for this transaction and skipped by any other. */
    public List<Voucher> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from voucher v where v.status = 'ISSUED' and v.valid_until <= :now
                        order by v.valid_until limit :limit for update skip locked
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(VoucherRows::voucher)
                .list();
    }

    /** ISSUED → REFUNDED or EXPIRED; false if it was not ISSUED any more. */
    public boolean settle(UUID voucherId, Voucher.Status to, Instant now) {
        var column = to == Voucher.Status.REFUNDED ? "refunded_at" : "expired_at";
        return jdbc.sql("update voucher set status = :to, " + column + " = :now where id = :id and status = 'ISSUED'")
                .param("to", to.name())
                .param("now", utc(now))
                .param("id", voucherId)
                .update() == 1;
    }

    /**
     * ISSUED → REDEEMED in one conditional update, with the redemption's row recorded in the same statement (only
     * when the update moved the voucher), answering how the order's vouchers stand after it (for completing the
     * order); empty when the voucher was not ISSUED. The count reads the rows as they were before the update, so the
     * voucher itself is counted as used by its id.
     */
    public Optional<Usage> redeem(NewRedemption redemption) {
        return jdbc.sql("""
                        with redeemed as (
                            update voucher set status = 'REDEEMED', redeemed_at = :now, redeemed_store_id = :store
                            where id = :id and status = 'ISSUED'
                            returning order_id),
                        recorded as (
                            insert into redemption (id, voucher_id, merchant_id, store_id, staff_id, device,
                                                    redeemed_at)
                            select :redemption, :id, :merchant, :store, :staff, :device, :now from redeemed)
                        select count(*) filter (where v.status = 'ISSUED' and v.id <> :id) as open,
                               count(*) filter (where v.status in ('REDEEMED', 'EXPIRED') or v.id = :id) as used
                        from redeemed join voucher v on v.order_id = redeemed.order_id
                        group by redeemed.order_id
                        """)
                .param("now", utc(redemption.at()))
                .param("store", redemption.storeId())
                .param("id", redemption.voucherId())
                .param("redemption", redemption.id())
                .param("merchant", redemption.merchantId())
                .param("staff", redemption.staffId())
                .param("device", redemption.device())
                .query((rs, row) -> new Usage(rs.getLong("open"), rs.getLong("used")))
                .optional();
    }

    /** REDEEMED → ISSUED, when its redemption is reversed. */
    public void unredeem(UUID voucherId) {
        jdbc.sql("""
                        update voucher set status = 'ISSUED', redeemed_at = null, redeemed_store_id = null
                        where id = :id and status = 'REDEEMED'
                        """)
                .param("id", voucherId)
                .update();
    }

    public Usage usage(UUID orderId) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'ISSUED') as open,
                               count(*) filter (where status in ('REDEEMED', 'EXPIRED')) as used
                        from voucher where order_id = :order
                        """)
                .param("order", orderId)
                .query((rs, row) -> new Usage(rs.getLong("open"), rs.getLong("used")))
                .single();
    }

    /** Of these orders, those with no voucher left to use and at least one used: one statement for all of them. */
    public List<UUID> usedUp(Collection<UUID> orderIds) {
        return jdbc.sql("""
                        select order_id from voucher where order_id = any(:orders)
                        group by order_id
                        having count(*) filter (where status = 'ISSUED') = 0
                           and count(*) filter (where status in ('REDEEMED', 'EXPIRED')) > 0
                        """)
                .param("orders", orderIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** A merged customer's vouchers become the target's. */
    public void moveCustomer(UUID sourceId, UUID targetId) {
        jdbc.sql("update voucher set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
    }

    private static Voucher voucher(ResultSet rs, int row) throws SQLException {
        var redeemed = rs.getObject("redeemed_at", OffsetDateTime.class);
        return new Voucher(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("deal_id", UUID.class), rs.getString("deal_title"), new VoucherCode(rs.getString("code")),
                Voucher.Status.valueOf(rs.getString("status")),
                new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                rs.getObject("valid_until", OffsetDateTime.class).toInstant(),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                redeemed == null ? null : redeemed.toInstant(), rs.getObject("redeemed_store_id", UUID.class));
    }
}

package o2o.deals;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.merchants.OpeningHours;
import o2o.merchants.Stores;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.SqlArrays;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: merchants create and end deals; checkout takes stock and the customer's allowance in the same
 * transaction as the order (and gives them back when an order is cancelled).
 */
@Service
public class Deals {

    static final String COLUMNS = """
            d.id, d.merchant_id, m.name as merchant_name, d.title, d.description, d.includes, d.price_minor,
            d.original_price_minor, d.currency, d.store_ids, d.sale_starts_at, d.sale_ends_at, d.valid_from,
            d.valid_until, d.usable_hours, d.per_customer_limit, d.stock_total, d.stock_left, d.refund_policy,
            d.flash_sale, d.active, d.created_at
            """;

    private final JdbcClient jdbc;
    private final Stores stores;
    private final DealHighlights highlights;
    private final Clock clock;

    Deals(JdbcClient jdbc, Stores stores, DealHighlights highlights, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.highlights = highlights;
        this.clock = clock;
    }

    @Transactional
    public Deal create(StaffPrincipal staff, DealTerms terms) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers create deals");
        }
        terms.price().asPrice("price"); // a deal asks at most Money.MAX_PRICE_MINOR, so orders of it never overflow
        terms.originalPrice().asPrice("originalPrice");
        for (var storeId : terms.storeIds()) {
            stores.find(storeId)
                    .filter(store -> staff.canActIn(store.merchantId(), store.id()))
                    .orElseThrow(() -> Problem.notFound("store"));
        }
        var id = Ids.next();
        jdbc.sql("""
                        insert into deal (id, merchant_id, title, description, includes, price_minor,
                            original_price_minor, currency, store_ids, sale_starts_at, sale_ends_at, valid_from,
                            valid_until, usable_hours, per_customer_limit, stock_total, stock_left, refund_policy,
                            flash_sale, active, created_at)
                        values (:id, :merchant, :title, :description, :includes, :price, :original, :currency, :stores,
                            :saleStarts, :saleEnds, :validFrom, :validUntil, :hours, :limit, :stock, :stock, :policy,
                            :flash, true, :now)
                        """)
                .param("id", id)
                .param("merchant", staff.merchantId())
                .param("title", terms.title().strip())
                .param("description", terms.description().strip())
                .param("includes", terms.includes().toArray(String[]::new))
                .param("price", terms.price().minor())
                .param("original", terms.originalPrice().minor())
                .param("currency", terms.price().currency().getCurrencyCode())
                .param("stores", terms.storeIds().toArray(UUID[]::new))
                .param("saleStarts", utc(terms.saleStartsAt()))
                .param("saleEnds", utc(terms.saleEndsAt()))
                .param("validFrom", utc(terms.validFrom()))
                .param("validUntil", utc(terms.validUntil()))
                .param("hours", terms.usableHours().toColumn())
                .param("limit", new SqlParameterValue(Types.INTEGER, terms.perCustomerLimit()))
                .param("stock", new SqlParameterValue(Types.INTEGER, terms.stock()))
                .param("policy", terms.refundPolicy().name())
                .param("flash", terms.flashSale())
                .param("now", utc(clock.instant()))
                .update();
        highlights.forget(terms.storeIds());
        return find(id).orElseThrow();
    }

    /** Stops selling; vouchers already sold stay valid. */
    @Transactional
    public Deal end(StaffPrincipal staff, UUID dealId) {
        var deal = ofStaff(staff, dealId);
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers end deals");
        jdbc.sql("update deal set active = false where id = :id").param("id", deal.id()).update();
        highlights.forget(deal.terms().storeIds());
        return find(deal.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Deal> find(UUID dealId) {
        return jdbc.sql("select " + COLUMNS + " from deal d join merchant m on m.id = d.merchant_id where d.id = :id")
                .param("id", dealId)
                .query(Deals::deal)
                .optional();
    }

    /** A deal as its merchant's staff see it; another merchant's deal is "not found". */
    @Transactional(readOnly = true)
    public Deal ofStaff(StaffPrincipal staff, UUID dealId) {
        return find(dealId).filter(d -> staff.worksFor(d.merchantId())).orElseThrow(() -> Problem.notFound("deal"));
    }

    @Transactional(readOnly = true)
    public List<Deal> ofMerchant(StaffPrincipal staff) {
        return jdbc.sql("select " + COLUMNS + """
                         from deal d join merchant m on m.id = d.merchant_id
                        where d.merchant_id = :merchant order by d.created_at desc, d.id desc
                        """)
                .param("merchant", staff.merchantId())
                .query(Deals::deal)
                .list();
    }

    /** Deals on sale now that can be used at this store. */
    @Transactional(readOnly = true)
    public List<Deal> onSaleAt(UUID storeId) {
        var now = utc(clock.instant());
        return jdbc.sql("select " + COLUMNS + """
                         from deal d join merchant m on m.id = d.merchant_id
                        where :store = any(d.store_ids) and d.active and d.sale_starts_at <= :now and d.sale_ends_at > :now
                          and m.status = 'APPROVED'
                        order by d.flash_sale desc, d.price_minor, d.id
                        """)
                .param("store", storeId)
                .param("now", now)
                .query(Deals::deal)
                .list();
    }

    static Deal deal(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var terms = new DealTerms(rs.getString("title"), rs.getString("description"),
                SqlArrays.strings(rs.getArray("includes")), new Money(rs.getLong("price_minor"), currency),
                new Money(rs.getLong("original_price_minor"), currency), SqlArrays.uuids(rs.getArray("store_ids")),
                instant(rs, "sale_starts_at"), instant(rs, "sale_ends_at"), instant(rs, "valid_from"),
                instant(rs, "valid_until"), OpeningHours.fromColumn((String[]) rs.getArray("usable_hours").getArray()),
                (Integer) rs.getObject("per_customer_limit"), (Integer) rs.getObject("stock_total"),
                RefundPolicy.valueOf(rs.getString("refund_policy")), rs.getBoolean("flash_sale"));
        return new Deal(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("merchant_name"), terms, (Integer) rs.getObject("stock_left"), rs.getBoolean("active"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

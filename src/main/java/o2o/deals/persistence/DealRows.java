package o2o.deals.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.deals.Deal;
import o2o.deals.DealTerms;
import o2o.deals.RefundPolicy;
import o2o.merchants.OpeningHours;
import o2o.shared.Money;
import o2o.shared.SqlArrays;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code deal} table: its one insert and its rows as {@link Deal}s. */
@Repository
public class DealRows {

    private static final String COLUMNS = """
            d.id, d.merchant_id, d.title, d.description, d.includes, d.price_minor, d.original_price_minor,
            d.currency, d.store_ids, d.sale_starts_at, d.sale_ends_at, d.valid_from, d.valid_until, d.usable_hours,
            d.per_customer_limit, d.stock_total, d.stock_left, d.refund_policy, d.flash_sale, d.active, d.created_at
            """;

    private final JdbcClient jdbc;

    DealRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active deal with all of its stock left. */
    public void insert(UUID id, UUID merchantId, DealTerms terms, Instant now) {
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
                .param("merchant", merchantId)
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
                .param("now", utc(now))
                .update();
    }

    public void end(UUID dealId) {
        jdbc.sql("update deal set active = false where id = :id").param("id", dealId).update();
    }

    public Optional<Deal> find(UUID dealId) {
        return jdbc.sql("select " + COLUMNS + " from deal d where d.id = :id")
                .param("id", dealId)
                .query(DealRows::deal)
                .optional();
    }

    /** The merchant's deals, newest first. */
    public List<Deal> ofMerchant(UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + """
                         from deal d where d.merchant_id = :merchant order by d.created_at desc, d.id desc
                        """)
                .param("merchant", merchantId)
                .query(DealRows::deal)
                .list();
    }

    /** Active deals usable at the store whose sale runs at {@code now}, flash sales and the cheapest first. */
    public List<Deal> onSaleAt(UUID storeId, Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                         from deal d
                        where :store = any(d.store_ids) and d.active and d.sale_starts_at <= :now and d.sale_ends_at > :now
                        order by d.flash_sale desc, d.price_minor, d.id
                        """)
                .param("store", storeId)
                .param("now", utc(now))
                .query(DealRows::deal)
                .list();
    }

    /** Deals on sale now usable at any of the stores, in one read. */
    public List<Deal> onSaleAtAny(java.util.Collection<UUID> storeIds, Instant now) {
        if (storeIds.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + """
                         from deal d
                        where d.store_ids && cast(:stores as uuid[]) and d.active and d.sale_starts_at <= :now
                          and d.sale_ends_at > :now
                        order by d.flash_sale desc, d.price_minor, d.id
                        """)
                .param("stores", storeIds.toArray(UUID[]::new))
                .param("now", utc(now))
                .query(DealRows::deal)
                .list();
    }

    /**
     * Deals on sale now usable at any of the stores whose title, description or what they include hold the text:
     * a title that starts with it first, then one that holds it (shorter first), then the rest; at most {@code limit}.
     */
    public List<Deal> search(java.util.Collection<UUID> storeIds, String text, Instant now, int limit) {
        if (storeIds.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + """
                         from deal d
                        where d.store_ids && cast(:stores as uuid[]) and d.active and d.sale_starts_at <= :now
                          and d.sale_ends_at > :now and (d.stock_left is null or d.stock_left > 0)
                          and (strpos(lower(d.title), lower(:text)) > 0 or strpos(lower(d.description), lower(:text)) > 0
                               or strpos(lower(array_to_string(d.includes, ' ')), lower(:text)) > 0)
                        order by strpos(lower(d.title), lower(:text)) = 1 desc, strpos(lower(d.title), lower(:text)) > 0 desc,
                                 length(d.title), d.flash_sale desc, d.price_minor, d.id
                        limit :limit
                        """)
                .param("stores", storeIds.toArray(UUID[]::new))
                .param("text", text)
                .param("now", utc(now))
                .param("limit", limit)
                .query(DealRows::deal)
                .list();
    }

    private static Deal deal(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var terms = new DealTerms(rs.getString("title"), rs.getString("description"),
                SqlArrays.strings(rs.getArray("includes")), new Money(rs.getLong("price_minor"), currency),
                new Money(rs.getLong("original_price_minor"), currency), SqlArrays.uuids(rs.getArray("store_ids")),
                instant(rs, "sale_starts_at"), instant(rs, "sale_ends_at"), instant(rs, "valid_from"),
                instant(rs, "valid_until"), OpeningHours.fromColumn((String[]) rs.getArray("usable_hours").getArray()),
                (Integer) rs.getObject("per_customer_limit"), (Integer) rs.getObject("stock_total"),
                RefundPolicy.valueOf(rs.getString("refund_policy")), rs.getBoolean("flash_sale"));
        return new Deal(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), terms,
                (Integer) rs.getObject("stock_left"), rs.getBoolean("active"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

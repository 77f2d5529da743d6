package o2o.insights.persistence;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes of the rollup tables: each adds to a day's row in one statement ({@code on conflict do update set x = x +
 * excluded.x}), so concurrent facts add up exactly without reading anything first.
 */
@Repository
public class Rollups {

    /** The store of a sale made for no store in particular (a deal valid in several). */
    public static final UUID NO_STORE = new UUID(0, 0);

    /** An item's quantity and amount in one order. */
    public record Item(long quantity, long amountMinor) {}

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addSale(UUID merchant, UUID store, String city, String channel, LocalDate day, int hour,
            long grossMinor, long discountMinor) {
        jdbc.sql("""
                        insert into insights_sales_day as s (merchant_id, day, store_id, channel, city, orders,
                                                             gross_minor, discount_minor)
                        values (:m, :day, :store, :channel, :city, 1, :gross, :discount)
                        on conflict (merchant_id, day, store_id, channel, city) do update
                        set orders = s.orders + 1, gross_minor = s.gross_minor + excluded.gross_minor,
                            discount_minor = s.discount_minor + excluded.discount_minor
                        """)
                .param("m", merchant).param("day", day).param("store", store).param("channel", channel)
                .param("city", city).param("gross", grossMinor).param("discount", discountMinor).update();
        jdbc.sql("""
                        insert into insights_sales_hour as h (merchant_id, day, store_id, hour, orders)
                        values (:m, :day, :store, :hour, 1)
                        on conflict (merchant_id, day, store_id, hour) do update set orders = h.orders + 1
                        """)
                .param("m", merchant).param("day", day).param("store", store).param("hour", hour).update();
    }

    /** The order's items, one row per title (the caller adds up lines of the same title). */
    public void addItems(UUID merchant, UUID store, LocalDate day, Map<String, Item> items) {
        if (items.isEmpty()) return;
        var titles = items.keySet().toArray(String[]::new);
        jdbc.sql("""
                        insert into insights_item_day as i (merchant_id, day, store_id, title, quantity, amount_minor)
                        select :m, :day, :store, t, q, a
                        from unnest(cast(:titles as text[]), cast(:quantities as bigint[]), cast(:amounts as bigint[]))
                             as x(t, q, a)
                        on conflict (merchant_id, day, store_id, title) do update
                        set quantity = i.quantity + excluded.quantity,
                            amount_minor = i.amount_minor + excluded.amount_minor
                        """)
                .param("m", merchant).param("day", day).param("store", store).param("titles", titles)
                .param("quantities", java.util.Arrays.stream(titles).map(t -> items.get(t).quantity())
                        .toArray(Long[]::new))
                .param("amounts", java.util.Arrays.stream(titles).map(t -> items.get(t).amountMinor())
                        .toArray(Long[]::new))
                .update();
    }

    public void addCustomerOrder(UUID merchant, UUID customer, LocalDate day) {
        jdbc.sql("""
                        insert into insights_customer_day as c (merchant_id, day, customer_id, orders)
                        values (:m, :day, :c, 1)
                        on conflict (merchant_id, day, customer_id) do update set orders = c.orders + 1
                        """)
                .param("m", merchant).param("day", day).param("c", customer).update();
        jdbc.sql("""
                        insert into insights_customer_merchant as c (merchant_id, customer_id, first_order_day)
                        values (:m, :c, :day)
                        on conflict (merchant_id, customer_id) do update
                        set first_order_day = least(c.first_order_day, excluded.first_order_day)
                        where excluded.first_order_day < c.first_order_day
                        """)
                .param("m", merchant).param("day", day).param("c", customer).update();
    }

    public void addRefund(UUID merchant, UUID store, String city, String channel, LocalDate day, long amountMinor) {
        jdbc.sql("""
                        insert into insights_sales_day as s (merchant_id, day, store_id, channel, city, refunded_minor)
                        values (:m, :day, :store, :channel, :city, :amount)
                        on conflict (merchant_id, day, store_id, channel, city) do update
                        set refunded_minor = s.refunded_minor + excluded.refunded_minor
                        """)
                .param("m", merchant).param("day", day).param("store", store).param("channel", channel)
                .param("city", city).param("amount", amountMinor).update();
    }

    public void addRedemption(UUID merchant, UUID store, LocalDate day) {
        jdbc.sql("""
                        insert into insights_redemption_day as r (merchant_id, day, store_id, redemptions)
                        values (:m, :day, :store, 1)
                        on conflict (merchant_id, day, store_id) do update set redemptions = r.redemptions + 1
                        """)
                .param("m", merchant).param("day", day).param("store", store).update();
    }

    public void addMember(UUID merchant, LocalDate day) {
        jdbc.sql("""
                        insert into insights_member_day as d (merchant_id, day, new_members) values (:m, :day, 1)
                        on conflict (merchant_id, day) do update set new_members = d.new_members + 1
                        """)
                .param("m", merchant).param("day", day).update();
    }

    public void addStoredValue(UUID merchant, LocalDate day, long soldMinor, long spentMinor) {
        jdbc.sql("""
                        insert into insights_stored_value_day as d (merchant_id, day, sold_minor, spent_minor)
                        values (:m, :day, :sold, :spent)
                        on conflict (merchant_id, day) do update
                        set sold_minor = d.sold_minor + excluded.sold_minor,
                            spent_minor = d.spent_minor + excluded.spent_minor
                        """)
                .param("m", merchant).param("day", day).param("sold", soldMinor).param("spent", spentMinor).update();
    }

    public void addPoints(UUID merchant, LocalDate day, long issued, long redeemed) {
        jdbc.sql("""
                        insert into insights_points_day as d (merchant_id, day, issued, redeemed)
                        values (:m, :day, :issued, :redeemed)
                        on conflict (merchant_id, day) do update
                        set issued = d.issued + excluded.issued, redeemed = d.redeemed + excluded.redeemed
                        """)
                .param("m", merchant).param("day", day).param("issued", issued).param("redeemed", redeemed).update();
    }

    public void nameMerchant(UUID merchant, String name) {
        jdbc.sql("""
                        insert into insights_merchant (merchant_id, name) values (:m, :name)
                        on conflict (merchant_id) do update set name = excluded.name
                        """)
                .param("m", merchant).param("name", name).update();
    }
}

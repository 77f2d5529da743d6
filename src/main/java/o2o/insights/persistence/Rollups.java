package o2o.insights.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes of the rollup tables: rows already added up in memory (a drained batch of facts, or imported history),
 * written with {@code unnest} arrays, one statement per table, each added to what its day's row holds
 * ({@code on conflict do update set x = x + excluded.x}). The rows of one call have distinct keys.
 */
@Repository
public class Rollups {

    /** The store of a sale made for no store in particular (a deal valid in several). */
    public static final UUID NO_STORE = new UUID(0, 0);

    private static final int CHUNK = 10_000;

    /** Sales and refunds of a day, store, channel and city. */
    public record SalesRow(UUID merchant, LocalDate day, UUID store, String channel, String city, long orders,
            long grossMinor, long discountMinor, long refundedMinor) {}

    public record HourRow(UUID merchant, LocalDate day, UUID store, int hour, long orders) {}

    public record ItemRow(UUID merchant, LocalDate day, UUID store, String title, long quantity, long amountMinor) {}

    public record RedemptionRow(UUID merchant, LocalDate day, UUID store, long redemptions) {}

    /** Two figures of a merchant's day: new members; stored value sold and spent; points issued and redeemed. */
    public record DayRow(UUID merchant, LocalDate day, long first, long second) {}

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addSales(List<SalesRow> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into insights_sales_day as s (merchant_id, day, store_id, channel, city, orders,
                                                             gross_minor, discount_minor, refunded_minor)
                        select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:store as uuid[]),
                                             cast(:channel as text[]), cast(:city as text[]), cast(:orders as bigint[]),
                                             cast(:gross as bigint[]), cast(:discount as bigint[]),
                                             cast(:refunded as bigint[]))
                        on conflict (merchant_id, day, store_id, channel, city) do update
                        set orders = s.orders + excluded.orders, gross_minor = s.gross_minor + excluded.gross_minor,
                            discount_minor = s.discount_minor + excluded.discount_minor,
                            refunded_minor = s.refunded_minor + excluded.refunded_minor
                        """)
                .param("m", chunk.stream().map(SalesRow::merchant).toArray(UUID[]::new))
                .param("day", days(chunk.stream().map(SalesRow::day).toList()))
                .param("store", chunk.stream().map(SalesRow::store).toArray(UUID[]::new))
                .param("channel", chunk.stream().map(SalesRow::channel).toArray(String[]::new))
                .param("city", chunk.stream().map(SalesRow::city).toArray(String[]::new))
                .param("orders", chunk.stream().map(SalesRow::orders).toArray(Long[]::new))
                .param("gross", chunk.stream().map(SalesRow::grossMinor).toArray(Long[]::new))
                .param("discount", chunk.stream().map(SalesRow::discountMinor).toArray(Long[]::new))
                .param("refunded", chunk.stream().map(SalesRow::refundedMinor).toArray(Long[]::new))
                .update());
    }

    public void addHours(List<HourRow> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into insights_sales_hour as h (merchant_id, day, store_id, hour, orders)
                        select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:store as uuid[]),
                                             cast(:hour as smallint[]), cast(:orders as bigint[]))
                        on conflict (merchant_id, day, store_id, hour) do update set orders = h.orders + excluded.orders
                        """)
                .param("m", chunk.stream().map(HourRow::merchant).toArray(UUID[]::new))
                .param("day", days(chunk.stream().map(HourRow::day).toList()))
                .param("store", chunk.stream().map(HourRow::store).toArray(UUID[]::new))
                .param("hour", chunk.stream().map(HourRow::hour).toArray(Integer[]::new))
                .param("orders", chunk.stream().map(HourRow::orders).toArray(Long[]::new))
                .update());
    }

    public void addItems(List<ItemRow> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into insights_item_day as i (merchant_id, day, store_id, title, quantity, amount_minor)
                        select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:store as uuid[]),
                                             cast(:title as text[]), cast(:quantity as bigint[]), cast(:amount as bigint[]))
                        on conflict (merchant_id, day, store_id, title) do update
                        set quantity = i.quantity + excluded.quantity, amount_minor = i.amount_minor + excluded.amount_minor
                        """)
                .param("m", chunk.stream().map(ItemRow::merchant).toArray(UUID[]::new))
                .param("day", days(chunk.stream().map(ItemRow::day).toList()))
                .param("store", chunk.stream().map(ItemRow::store).toArray(UUID[]::new))
                .param("title", chunk.stream().map(ItemRow::title).toArray(String[]::new))
                .param("quantity", chunk.stream().map(ItemRow::quantity).toArray(Long[]::new))
                .param("amount", chunk.stream().map(ItemRow::amountMinor).toArray(Long[]::new))
                .update());
    }

    public void addRedemptions(List<RedemptionRow> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into insights_redemption_day as r (merchant_id, day, store_id, redemptions)
                        select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:store as uuid[]),
                                             cast(:n as bigint[]))
                        on conflict (merchant_id, day, store_id) do update
                        set redemptions = r.redemptions + excluded.redemptions
                        """)
                .param("m", chunk.stream().map(RedemptionRow::merchant).toArray(UUID[]::new))
                .param("day", days(chunk.stream().map(RedemptionRow::day).toList()))
                .param("store", chunk.stream().map(RedemptionRow::store).toArray(UUID[]::new))
                .param("n", chunk.stream().map(RedemptionRow::redemptions).toArray(Long[]::new))
                .update());
    }

    /** New members by day ({@link DayRow#first}). */
    public void addMembers(List<DayRow> rows) {
        addDays(rows, """
                insert into insights_member_day as d (merchant_id, day, new_members)
                select m, day, a from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:a as bigint[]),
                                             cast(:b as bigint[])) as x(m, day, a, b)
                on conflict (merchant_id, day) do update set new_members = d.new_members + excluded.new_members
                """);
    }

    /** Stored value sold and spent by day. */
    public void addStoredValue(List<DayRow> rows) {
        addDays(rows, """
                insert into insights_stored_value_day as d (merchant_id, day, sold_minor, spent_minor)
                select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:a as bigint[]),
                                     cast(:b as bigint[]))
                on conflict (merchant_id, day) do update
                set sold_minor = d.sold_minor + excluded.sold_minor, spent_minor = d.spent_minor + excluded.spent_minor
                """);
    }

    /** Points issued and redeemed by day. */
    public void addPoints(List<DayRow> rows) {
        addDays(rows, """
                insert into insights_points_day as d (merchant_id, day, issued, redeemed)
                select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:a as bigint[]),
                                     cast(:b as bigint[]))
                on conflict (merchant_id, day) do update
                set issued = d.issued + excluded.issued, redeemed = d.redeemed + excluded.redeemed
                """);
    }

    public void nameMerchant(UUID merchant, String name) {
        jdbc.sql("""
                        insert into insights_merchant (merchant_id, name) values (:m, :name)
                        on conflict (merchant_id) do update set name = excluded.name
                        """)
                .param("m", merchant).param("name", name).update();
    }

    private void addDays(List<DayRow> rows, String sql) {
        chunked(rows, chunk -> jdbc.sql(sql)
                .param("m", chunk.stream().map(DayRow::merchant).toArray(UUID[]::new))
                .param("day", days(chunk.stream().map(DayRow::day).toList()))
                .param("a", chunk.stream().map(DayRow::first).toArray(Long[]::new))
                .param("b", chunk.stream().map(DayRow::second).toArray(Long[]::new))
                .update());
    }

    private static String[] days(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toArray(String[]::new);
    }

    private static <T> void chunked(List<T> rows, Consumer<List<T>> write) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            write.accept(rows.subList(from, Math.min(from + CHUNK, rows.size())));
        }
    }
}

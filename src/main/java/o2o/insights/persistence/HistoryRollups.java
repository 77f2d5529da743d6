package o2o.insights.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollups' bulk writes for imported history: rows already added up in memory, written by the thousand with
 * {@code unnest} arrays in one statement each and added to what a day's row holds ({@code on conflict do update}),
 * the same arithmetic as {@link Rollups}. Each statement's rows have distinct keys.
 */
@Repository
public class HistoryRollups {

    private static final int CHUNK = 10_000;

    public record SalesRow(UUID merchant, LocalDate day, UUID store, String channel, String city, long orders,
            long grossMinor, long discountMinor) {}

    public record HourRow(UUID merchant, LocalDate day, UUID store, int hour, long orders) {}

    public record ItemRow(UUID merchant, LocalDate day, UUID store, String title, long quantity, long amountMinor) {}

    public record CustomerDay(UUID merchant, LocalDate day, UUID customer, long orders) {}

    private final JdbcClient jdbc;

    HistoryRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addSales(List<SalesRow> rows) {
        chunked(rows, chunk -> jdbc.sql("""
                        insert into insights_sales_day as s (merchant_id, day, store_id, channel, city, orders,
                                                             gross_minor, discount_minor)
                        select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:store as uuid[]),
                                             cast(:channel as text[]), cast(:city as text[]), cast(:orders as bigint[]),
                                             cast(:gross as bigint[]), cast(:discount as bigint[]))
                        on conflict (merchant_id, day, store_id, channel, city) do update
                        set orders = s.orders + excluded.orders, gross_minor = s.gross_minor + excluded.gross_minor,
                            discount_minor = s.discount_minor + excluded.discount_minor
                        """)
                .param("m", chunk.stream().map(SalesRow::merchant).toArray(UUID[]::new))
                .param("day", days(chunk.stream().map(SalesRow::day).toList()))
                .param("store", chunk.stream().map(SalesRow::store).toArray(UUID[]::new))
                .param("channel", chunk.stream().map(SalesRow::channel).toArray(String[]::new))
                .param("city", chunk.stream().map(SalesRow::city).toArray(String[]::new))
                .param("orders", chunk.stream().map(SalesRow::orders).toArray(Long[]::new))
                .param("gross", chunk.stream().map(SalesRow::grossMinor).toArray(Long[]::new))
                .param("discount", chunk.stream().map(SalesRow::discountMinor).toArray(Long[]::new))
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

    /** Known customers' orders by day, and each customer's first order day at the merchant (the earliest wins). */
    public void addCustomerDays(List<CustomerDay> rows) {
        chunked(rows, chunk -> {
            var merchants = chunk.stream().map(CustomerDay::merchant).toArray(UUID[]::new);
            var days = days(chunk.stream().map(CustomerDay::day).toList());
            var customers = chunk.stream().map(CustomerDay::customer).toArray(UUID[]::new);
            jdbc.sql("""
                            insert into insights_customer_day as c (merchant_id, day, customer_id, orders)
                            select * from unnest(cast(:m as uuid[]), cast(:day as date[]), cast(:c as uuid[]),
                                                 cast(:orders as bigint[]))
                            on conflict (merchant_id, day, customer_id) do update set orders = c.orders + excluded.orders
                            """)
                    .param("m", merchants).param("day", days).param("c", customers)
                    .param("orders", chunk.stream().map(CustomerDay::orders).toArray(Long[]::new))
                    .update();
            jdbc.sql("""
                            insert into insights_customer_merchant as c (merchant_id, customer_id, first_order_day)
                            select m, c, min(d) from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:day as date[]))
                                 as x(m, c, d)
                            group by m, c
                            on conflict (merchant_id, customer_id) do update
                            set first_order_day = least(c.first_order_day, excluded.first_order_day)
                            where excluded.first_order_day < c.first_order_day
                            """)
                    .param("m", merchants).param("c", customers).param("day", days)
                    .update();
        });
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

package o2o.insights.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.insights.DayCustomers;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The known customers' tables: {@code insights_customer_merchant} (each customer's number and first order day at a
 * merchant) and {@code insights_customer_set} (a merchant's customers on a day and in a month, as sets of those
 * numbers). The sets are read, changed in Java and written back, so their writers hold the rollups' lock
 * ({@link RollupLock}).
 */
@Repository
public class CustomerSets {

    /** A customer known at a merchant: their number there and the day of their first order. */
    public record Known(UUID merchant, UUID customer, int ordinal, LocalDate firstOrderDay) {}

    /** A merchant's day, or month (named by its first day). */
    public record Slice(UUID merchant, LocalDate day, boolean month) {

        public static Slice day(UUID merchant, LocalDate day) {
            return new Slice(merchant, day, false);
        }

        public static Slice monthOf(UUID merchant, LocalDate day) {
            return new Slice(merchant, day.withDayOfMonth(1), true);
        }
    }

    private final JdbcClient jdbc;

    CustomerSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of these merchant-and-customer pairs (two lists of the same length) that are known. */
    public List<Known> known(List<UUID> merchants, List<UUID> customers) {
        if (merchants.isEmpty()) return List.of();
        return jdbc.sql("""
                        select c.merchant_id, c.customer_id, c.ordinal, c.first_order_day
                        from insights_customer_merchant c
                        join unnest(cast(:m as uuid[]), cast(:c as uuid[])) as x(m, c)
                          on c.merchant_id = x.m and c.customer_id = x.c
                        """)
                .param("m", merchants.toArray(UUID[]::new)).param("c", customers.toArray(UUID[]::new))
                .query((rs, row) -> new Known(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** The highest number given at each of these merchants; a merchant with no known customer is absent. */
    public Map<UUID, Integer> lastOrdinals(Collection<UUID> merchants) {
        var last = new HashMap<UUID, Integer>();
        if (merchants.isEmpty()) return last;
        jdbc.sql("""
                        select m, (select max(ordinal) from insights_customer_merchant where merchant_id = m)
                        from unnest(cast(:m as uuid[])) as x(m)
                        """)
                .param("m", merchants.toArray(UUID[]::new))
                .query((rs, row) -> {
                    int ordinal = rs.getInt(2);
                    if (!rs.wasNull()) last.put(rs.getObject(1, UUID.class), ordinal);
                    return row;
                })
                .list();
        return last;
    }

    /** New customers and changed first order days, in one statement. */
    public void saveCustomers(List<Known> customers) {
        if (customers.isEmpty()) return;
        jdbc.sql("""
                        insert into insights_customer_merchant as c (merchant_id, customer_id, ordinal, first_order_day)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:o as int[]),
                                             cast(:d as date[]))
                        on conflict (merchant_id, customer_id) do update set first_order_day = excluded.first_order_day
                        """)
                .param("m", customers.stream().map(Known::merchant).toArray(UUID[]::new))
                .param("c", customers.stream().map(Known::customer).toArray(UUID[]::new))
                .param("o", customers.stream().map(Known::ordinal).toArray(Integer[]::new))
                .param("d", customers.stream().map(k -> k.firstOrderDay().toString()).toArray(String[]::new))
                .update();
    }

    /** These slices as stored; a slice nobody ordered in is absent. */
    public Map<Slice, DayCustomers> slices(Collection<Slice> keys) {
        var slices = new HashMap<Slice, DayCustomers>();
        if (keys.isEmpty()) return slices;
        jdbc.sql("""
                        select s.merchant_id, s.day, s.month, s.customers, s.repeaters, s.newcomers
                        from insights_customer_set s
                        join unnest(cast(:m as uuid[]), cast(:d as date[]), cast(:month as boolean[])) as x(m, d, month)
                          on s.merchant_id = x.m and s.month = x.month and s.day = x.d
                        """)
                .param("m", keys.stream().map(Slice::merchant).toArray(UUID[]::new))
                .param("d", keys.stream().map(k -> k.day().toString()).toArray(String[]::new))
                .param("month", keys.stream().map(Slice::month).toArray(Boolean[]::new))
                .query((rs, row) -> slices.put(new Slice(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class), rs.getBoolean(3)), new DayCustomers(bitmap(rs.getBytes(4)),
                        bitmap(rs.getBytes(5)), bitmap(rs.getBytes(6)))))
                .list();
        return slices;
    }

    /** Writes these slices whole, in one statement. */
    public void saveSlices(Map<Slice, DayCustomers> slices) {
        if (slices.isEmpty()) return;
        var keys = new ArrayList<>(slices.keySet());
        jdbc.sql("""
                        insert into insights_customer_set as s (merchant_id, day, month, customers, repeaters, newcomers)
                        select * from unnest(cast(:m as uuid[]), cast(:d as date[]), cast(:month as boolean[]),
                                             cast(:c as bytea[]), cast(:r as bytea[]), cast(:n as bytea[]))
                        on conflict (merchant_id, month, day) do update
                        set customers = excluded.customers, repeaters = excluded.repeaters,
                            newcomers = excluded.newcomers
                        """)
                .param("m", keys.stream().map(Slice::merchant).toArray(UUID[]::new))
                .param("d", keys.stream().map(k -> k.day().toString()).toArray(String[]::new))
                .param("month", keys.stream().map(Slice::month).toArray(Boolean[]::new))
                .param("c", keys.stream().map(k -> bytes(slices.get(k).customers())).toArray(byte[][]::new))
                .param("r", keys.stream().map(k -> bytes(slices.get(k).repeaters())).toArray(byte[][]::new))
                .param("n", keys.stream().map(k -> bytes(slices.get(k).newcomers())).toArray(byte[][]::new))
                .update();
    }

    /**
     * A period's slices, which add up to it without overlap: the months named (each wholly inside the period) and
     * the period's days outside them.
     */
    public List<DayCustomers> between(UUID merchant, LocalDate from, LocalDate to, List<LocalDate> wholeMonths) {
        var months = wholeMonths.stream().map(LocalDate::toString).toArray(String[]::new);
        return jdbc.sql("""
                        select customers, repeaters, newcomers from insights_customer_set
                        where merchant_id = :m
                          and ((month and day = any(cast(:months as date[])))
                               or (not month and day between :from and :to
                                   and cast(date_trunc('month', day) as date) <> all(cast(:months as date[]))))
                        """)
                .param("m", merchant).param("from", from).param("to", to).param("months", months)
                .query((rs, row) -> new DayCustomers(bitmap(rs.getBytes(1)), bitmap(rs.getBytes(2)),
                        bitmap(rs.getBytes(3))))
                .list();
    }

    /** A set in Roaring's portable serialization, compressed into runs where that is smaller. */
    public static byte[] bytes(RoaringBitmap set) {
        set.runOptimize();
        var buffer = ByteBuffer.allocate(set.serializedSizeInBytes());
        set.serialize(buffer);
        return buffer.array();
    }

    public static RoaringBitmap bitmap(byte[] bytes) {
        var set = new RoaringBitmap();
        try {
            set.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}

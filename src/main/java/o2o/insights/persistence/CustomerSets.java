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
 * merchant) and {@code insights_customer_set_day} (a merchant's customers on a day, as sets of those numbers). The
 * sets are read, changed in Java and written back, so their writers hold the rollups' lock ({@link RollupLock}).
 */
@Repository
public class CustomerSets {

    /** A customer known at a merchant: their number there and the day of their first order. */
    public record Known(UUID merchant, UUID customer, int ordinal, LocalDate firstOrderDay) {}

    /** A merchant's day. */
    public record MerchantDay(UUID merchant, LocalDate day) {}

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

    /** These merchants' days as stored; a day nobody ordered on is absent. */
    public Map<MerchantDay, DayCustomers> days(Collection<MerchantDay> keys) {
        var days = new HashMap<MerchantDay, DayCustomers>();
        if (keys.isEmpty()) return days;
        jdbc.sql("""
                        select s.merchant_id, s.day, s.customers, s.repeaters, s.newcomers
                        from insights_customer_set_day s
                        join unnest(cast(:m as uuid[]), cast(:d as date[])) as x(m, d)
                          on s.merchant_id = x.m and s.day = x.d
                        """)
                .param("m", keys.stream().map(MerchantDay::merchant).toArray(UUID[]::new))
                .param("d", keys.stream().map(k -> k.day().toString()).toArray(String[]::new))
                .query((rs, row) -> days.put(new MerchantDay(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class)), new DayCustomers(bitmap(rs.getBytes(3)),
                        bitmap(rs.getBytes(4)), bitmap(rs.getBytes(5)))))
                .list();
        return days;
    }

    /** Writes these days whole, in one statement. */
    public void saveDays(Map<MerchantDay, DayCustomers> days) {
        if (days.isEmpty()) return;
        var keys = new ArrayList<>(days.keySet());
        jdbc.sql("""
                        insert into insights_customer_set_day as s (merchant_id, day, customers, repeaters, newcomers)
                        select * from unnest(cast(:m as uuid[]), cast(:d as date[]), cast(:c as bytea[]),
                                             cast(:r as bytea[]), cast(:n as bytea[]))
                        on conflict (merchant_id, day) do update
                        set customers = excluded.customers, repeaters = excluded.repeaters,
                            newcomers = excluded.newcomers
                        """)
                .param("m", keys.stream().map(MerchantDay::merchant).toArray(UUID[]::new))
                .param("d", keys.stream().map(k -> k.day().toString()).toArray(String[]::new))
                .param("c", keys.stream().map(k -> bytes(days.get(k).customers())).toArray(byte[][]::new))
                .param("r", keys.stream().map(k -> bytes(days.get(k).repeaters())).toArray(byte[][]::new))
                .param("n", keys.stream().map(k -> bytes(days.get(k).newcomers())).toArray(byte[][]::new))
                .update();
    }

    /** The merchant's days between two days, both included, in no particular order. */
    public List<DayCustomers> between(UUID merchant, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select customers, repeaters, newcomers from insights_customer_set_day
                        where merchant_id = :m and day between :from and :to
                        """)
                .param("m", merchant).param("from", from).param("to", to)
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

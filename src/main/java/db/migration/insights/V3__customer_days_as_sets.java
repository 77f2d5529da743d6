package db.migration.insights;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.insights.DayCustomers;
import o2o.insights.persistence.CustomerSets;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Turns the rows per customer and day of a database made before the customer sets into sets: each merchant's known
 * customers are numbered in the order of their first order, then each day's rows become that day's sets and are
 * added to their month's. V4 drops the rows.
 */
public class V3__customer_days_as_sets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        for (var merchant : merchants(connection)) migrate(connection, merchant);
    }

    private static List<UUID> merchants(Connection connection) throws SQLException {
        var merchants = new ArrayList<UUID>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select distinct merchant_id from insights_customer_merchant")) {
            while (rows.next()) merchants.add(rows.getObject(1, UUID.class));
        }
        return merchants;
    }

    private static void migrate(Connection connection, UUID merchant) throws SQLException {
        var ordinals = new HashMap<UUID, Integer>();
        var slices = new HashMap<Slice, DayCustomers>();
        try (var number = connection.prepareStatement("""
                update insights_customer_merchant c set ordinal = n.ordinal
                from (select customer_id, row_number() over (order by first_order_day, customer_id) as ordinal
                      from insights_customer_merchant where merchant_id = ?) n
                where c.merchant_id = ? and c.customer_id = n.customer_id
                returning c.customer_id, c.ordinal, c.first_order_day
                """)) {
            number.setObject(1, merchant);
            number.setObject(2, merchant);
            try (var rows = number.executeQuery()) {
                while (rows.next()) {
                    ordinals.put(rows.getObject(1, UUID.class), rows.getInt(2));
                    for (var slice : slicesOf(rows.getObject(3, LocalDate.class))) {
                        slices.computeIfAbsent(slice, s -> DayCustomers.none()).firstOrder(rows.getInt(2), true);
                    }
                }
            }
        }
        try (var read = connection.prepareStatement(
                "select day, customer_id, orders from insights_customer_day where merchant_id = ?")) {
            read.setObject(1, merchant);
            try (var rows = read.executeQuery()) {
                while (rows.next()) {
                    var ordinal = ordinals.get(rows.getObject(2, UUID.class));
                    if (ordinal == null) continue;
                    for (var slice : slicesOf(rows.getObject(1, LocalDate.class))) {
                        slices.computeIfAbsent(slice, s -> DayCustomers.none()).ordered(ordinal, rows.getLong(3));
                    }
                }
            }
        }
        write(connection, merchant, slices);
    }

    /** A day's row, and its month's (named by its first day). */
    private record Slice(LocalDate day, boolean month) {}

    private static List<Slice> slicesOf(LocalDate day) {
        return List.of(new Slice(day, false), new Slice(day.withDayOfMonth(1), true));
    }

    private static void write(Connection connection, UUID merchant, Map<Slice, DayCustomers> slices)
            throws SQLException {
        try (var insert = connection.prepareStatement("""
                insert into insights_customer_set (merchant_id, day, month, customers, repeaters, newcomers)
                values (?, ?, ?, ?, ?, ?)
                """)) {
            for (var slice : slices.entrySet()) {
                insert.setObject(1, merchant);
                insert.setObject(2, slice.getKey().day());
                insert.setBoolean(3, slice.getKey().month());
                insert.setBytes(4, CustomerSets.bytes(slice.getValue().customers()));
                insert.setBytes(5, CustomerSets.bytes(slice.getValue().repeaters()));
                insert.setBytes(6, CustomerSets.bytes(slice.getValue().newcomers()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}

package o2o.insights.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import o2o.insights.DayCustomers;
import o2o.insights.Period;
import o2o.testing.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database made before the customer sets keeps its figures: V3 turns its rows per customer and day into the days'
 * sets, and the distinct, returning and repeating customers of any period are what the rows say.
 */
@IntegrationTest
class CustomerSetsMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private record Row(UUID merchant, UUID customer, LocalDate day, long orders) {}

    @Test
    void rowsPerCustomerAndDayBecomeSetsThatCountTheSame() {
        var name = "insights_v3_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        jdbc.sql("create database " + name).update();
        try {
            var url = ((HikariDataSource) dataSource).getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            var db = new DriverManagerDataSource(url, ((HikariDataSource) dataSource).getUsername(),
                    ((HikariDataSource) dataSource).getPassword());
            var flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration/insights");
            flyway.target("2").load().migrate();
            var before = JdbcClient.create(db);
            var rows = history(before);
            flyway.target("latest").load().migrate();

            var sets = new CustomerSets(JdbcClient.create(db));
            var merchant = rows.getFirst().merchant();
            var start = LocalDate.of(2026, 1, 1);
            for (var period : List.of(List.of(start, start.plusDays(59)), List.of(start.plusDays(20),
                    start.plusDays(40)), List.of(start.plusDays(59), start.plusDays(59)), List.of(start,
                    start.plusDays(30)), List.of(start.plusDays(5), start.plusDays(58)))) {
                var from = period.get(0);
                var to = period.get(1);
                var counted = DayCustomers.count(sets.between(merchant, from, to,
                        new Period(from, to).wholeMonths()));
                assertThat(counted).as("%s to %s", from, to).isEqualTo(expected(rows, merchant, from, to));
            }
            assertThat(JdbcClient.create(db).sql(
                    "select count(distinct (merchant_id, ordinal)) = count(*) from insights_customer_merchant")
                    .query(Boolean.class).single()).as("every customer has a number of their own").isTrue();
        } finally {
            jdbc.sql("drop database if exists " + name + " with (force)").update();
        }
    }

    /** Two merchants' random orders over 60 days, written as the rows V1 kept. */
    private static List<Row> history(JdbcClient db) {
        var random = new Random(42);
        var merchants = List.of(UUID.randomUUID(), UUID.randomUUID());
        var customers = new ArrayList<UUID>();
        for (int i = 0; i < 80; i++) customers.add(UUID.randomUUID());
        var rows = new ArrayList<Row>();
        var seen = new HashSet<String>();
        for (int i = 0; i < 600; i++) {
            var row = new Row(merchants.get(random.nextInt(2)), customers.get(random.nextInt(customers.size())),
                    LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60)), 1 + random.nextInt(3));
            if (seen.add(row.merchant() + "/" + row.customer() + "/" + row.day())) rows.add(row);
        }
        var first = new HashMap<String, LocalDate>();
        for (var row : rows) {
            db.sql("insert into insights_customer_day (merchant_id, day, customer_id, orders) values (:m, :d, :c, :n)")
                    .param("m", row.merchant()).param("d", row.day()).param("c", row.customer())
                    .param("n", row.orders()).update();
            first.merge(row.merchant() + "/" + row.customer(), row.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        first.forEach((key, day) -> db.sql("""
                        insert into insights_customer_merchant (merchant_id, customer_id, first_order_day)
                        values (:m, :c, :d)
                        """).param("m", UUID.fromString(key.substring(0, 36)))
                .param("c", UUID.fromString(key.substring(37))).param("d", day).update());
        return rows;
    }

    /** What V1's query counted: customers with orders in the period, those who ordered before it, twice in it. */
    private static DayCustomers.Counts expected(List<Row> rows, UUID merchant, LocalDate from, LocalDate to) {
        Map<UUID, Long> orders = new HashMap<>();
        Map<UUID, LocalDate> first = new HashMap<>();
        for (var row : rows) {
            if (!row.merchant().equals(merchant)) continue;
            first.merge(row.customer(), row.day(), (a, b) -> a.isBefore(b) ? a : b);
            if (!row.day().isBefore(from) && !row.day().isAfter(to)) orders.merge(row.customer(), row.orders(),
                    Long::sum);
        }
        Set<UUID> customers = orders.keySet();
        return new DayCustomers.Counts(customers.size(),
                customers.stream().filter(c -> first.get(c).isBefore(from)).count(),
                customers.stream().filter(c -> orders.get(c) >= 2).count());
    }
}

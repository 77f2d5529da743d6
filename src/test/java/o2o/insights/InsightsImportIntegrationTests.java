package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Imported history reaches the dashboard as if each sale had been heard: its totals, days and channels are the sums
 * of what was imported, and a sale imported twice counts once.
 */
class InsightsImportIntegrationTests extends ApiTest {

    @Autowired
    InsightsImport imports;

    @Test
    void theDashboardOfImportedHistoryEqualsTheSumsOfTheSalesAndASecondImportCountsNothing() {
        var merchant = fixtures.approvedMerchant("历史导入");
        var today = LocalDate.now(clock.withZone(Period.ZONE));
        var random = new Random(7);
        var stores = List.of(new StoreId(UUID.randomUUID()), new StoreId(UUID.randomUUID()));
        var customers = new ArrayList<CustomerId>();
        for (int i = 0; i < 40; i++) customers.add(new CustomerId(UUID.randomUUID()));
        var sales = new ArrayList<HistoricSale>();
        for (int i = 0; i < 500; i++) {
            long quantity = 1 + random.nextInt(3);
            long amount = quantity * (500 + random.nextInt(5000));
            var lines = List.of(new HistoricSale.Line(random.nextBoolean() ? "红烧肉" : "油爆虾", quantity, amount));
            var paidAt = clock.instant().minus(Duration.ofMinutes(random.nextInt(59 * 24 * 60)));
            sales.add(new HistoricSale(new OrderId(UUID.randomUUID()), new MerchantId(merchant.id()),
                    random.nextInt(4) == 0 ? null : stores.get(random.nextInt(stores.size())), "上海",
                    SalesChannel.values()[random.nextInt(SalesChannel.values().length)], paidAt, amount,
                    random.nextInt(300), lines, random.nextInt(3) == 0 ? null : customers.get(random.nextInt(customers.size()))));
        }

        assertThat(imports.importCompleted(sales)).isEqualTo(500);
        var from = today.minusDays(59);
        var dashboard = dashboard(merchant.ownerToken(), from, today);
        assertEqualsSums(dashboard, sales);

        assertThat(imports.importCompleted(sales.subList(100, 300))).as("the same sales again").isZero();
        assertEqualsSums(dashboard(merchant.ownerToken(), from, today), sales);
        for (var period : List.of(new Period(today.minusDays(29), today), new Period(from, today.minusDays(20)),
                new Period(today.minusDays(45), today.minusDays(5)))) {
            var totals = dashboard(merchant.ownerToken(), period.from(), period.to()).path("totals");
            assertThat(List.of(totals.path("customers").asLong(), totals.path("returningCustomers").asLong(),
                    totals.path("repeatCustomers").asLong())).as("customers, returning, repeating in " + period)
                    .isEqualTo(customersIn(sales, period));
        }
    }

    /** Known customers with a sale in the period; those with a sale before it; those with two or more in it. */
    private static List<Long> customersIn(List<HistoricSale> sales, Period period) {
        var inPeriod = new HashMap<CustomerId, Long>();
        var before = new java.util.HashSet<CustomerId>();
        for (var sale : sales) {
            if (sale.customer() == null) continue;
            var day = Projections.dayOf(sale.paidAt());
            if (day.isBefore(period.from())) before.add(sale.customer());
            else if (!day.isAfter(period.to())) inPeriod.merge(sale.customer(), 1L, Long::sum);
        }
        return List.of((long) inPeriod.size(), inPeriod.keySet().stream().filter(before::contains).count(),
                inPeriod.values().stream().filter(n -> n >= 2).count());
    }

    private JsonNode dashboard(String token, LocalDate from, LocalDate to) {
        var response = api.get("/api/v1/merchant/dashboard?from=" + from + "&to=" + to, token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static void assertEqualsSums(JsonNode dashboard, List<HistoricSale> sales) {
        var totals = dashboard.path("totals");
        assertThat(totals.path("orders").asLong()).isEqualTo(sales.size());
        assertThat(totals.path("grossMinor").asLong()).isEqualTo(sales.stream().mapToLong(HistoricSale::totalMinor).sum());
        assertThat(totals.path("discountMinor").asLong())
                .isEqualTo(sales.stream().mapToLong(HistoricSale::discountMinor).sum());
        assertThat(totals.path("customers").asLong())
                .isEqualTo(sales.stream().filter(s -> s.customer() != null).map(HistoricSale::customer).distinct().count());

        var byDay = new HashMap<String, long[]>();
        for (var row : dashboard.path("byDay")) {
            var sum = byDay.computeIfAbsent(row.path("day").asString(), d -> new long[2]);
            sum[0] += row.path("orders").asLong();
            sum[1] += row.path("grossMinor").asLong();
        }
        var expectedByDay = new HashMap<String, long[]>();
        for (var sale : sales) {
            var sum = expectedByDay.computeIfAbsent(Projections.dayOf(sale.paidAt()).toString(), d -> new long[2]);
            sum[0]++;
            sum[1] += sale.totalMinor();
        }
        assertThat(flatten(byDay)).isEqualTo(flatten(expectedByDay));

        var byChannel = new HashMap<String, Long>();
        for (var row : dashboard.path("byChannel")) byChannel.put(row.path("channel").asString(), row.path("orders").asLong());
        var expectedByChannel = new HashMap<String, Long>();
        for (var sale : sales) expectedByChannel.merge(sale.channel().name(), 1L, Long::sum);
        assertThat(byChannel).isEqualTo(expectedByChannel);

        long hours = 0;
        for (var row : dashboard.path("busiestHours")) hours += row.path("orders").asLong();
        assertThat(hours).isEqualTo(sales.size());

        long quantity = 0;
        for (var row : dashboard.path("topItems")) quantity += row.path("quantity").asLong();
        assertThat(quantity).isEqualTo(sales.stream().flatMap(s -> s.lines().stream())
                .mapToLong(HistoricSale.Line::quantity).sum());
    }

    private static Map<String, List<Long>> flatten(Map<String, long[]> sums) {
        var flat = new HashMap<String, List<Long>>();
        sums.forEach((k, v) -> flat.put(k, List.of(v[0], v[1])));
        return flat;
    }
}

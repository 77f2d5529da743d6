package o2o.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * The showcase owner ({@code owner1}) reads the merchant dashboard, whose rollups hold the demo's imported history:
 * periods of 7, 30, 90 and 365 days ending today, a quarter of them for one store. Every answer must be 200; the
 * 365-day figures must have orders, their days must add up to their totals, and every later 365-day answer for the
 * whole merchant must count the same orders.
 */
final class DashboardScenario {

    private static final int[] PERIODS = {7, 30, 90, 365};
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private DashboardScenario() {}

    static Result run(Scenarios.Context c) throws Exception {
        var token = c.api().staffToken("owner1", "demo1234");
        var stores = new ArrayList<String>();
        for (var store : c.api().get("/api/v1/merchant/stores", token).body()) stores.add(store.path("id").asString());
        var today = LocalDate.now(SHANGHAI);
        var year = c.api().get(path(today, 365, null), token);
        Api.expect(year, 200);
        long yearOrders = year.body().path("totals").path("orders").asLong();
        long byDayOrders = sumOfDays(year.body());
        var changed = new AtomicLong();
        var checked = new AtomicLong();
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> {
            var random = ThreadLocalRandom.current();
            int days = PERIODS[random.nextInt(PERIODS.length)];
            String store = !stores.isEmpty() && random.nextInt(4) == 0 ? stores.get(random.nextInt(stores.size())) : null;
            if (days != 365 || store != null) return c.api().status(path(today, days, store), token) == 200;
            var answer = c.api().get(path(today, days, null), token);
            if (answer.status() != 200) return false;
            checked.incrementAndGet();
            if (answer.body().path("totals").path("orders").asLong() != yearOrders) changed.incrementAndGet();
            return true;
        });
        var checks = new LinkedHashMap<String, Object>();
        checks.put("ordersIn365Days", yearOrders);
        checks.put("ordersByDayIn365Days", byDayOrders);
        checks.put("daysAddUp", yearOrders > 0 && byDayOrders == yearOrders);
        checks.put("yearAnswersChecked", checked.get());
        checks.put("yearAnswersThatDiffered", changed.get());
        checks.put("stores", stores.size());
        if (yearOrders == 0 || byDayOrders != yearOrders || changed.get() > 0) {
            System.err.printf("dashboard: %d orders in 365 days, %d by day, %d answers differed%n", yearOrders,
                    byDayOrders, changed.get());
        }
        return Result.of("dashboard", c.clients(), seconds, recorder, recorder.operations() / seconds, c.selectOnly(),
                checks, c.app(), c.dataset(), started);
    }

    private static String path(LocalDate today, int days, String store) {
        var path = "/api/v1/merchant/dashboard?from=" + today.minusDays(days - 1) + "&to=" + today;
        return store == null ? path : path + "&storeId=" + store;
    }

    private static long sumOfDays(JsonNode dashboard) {
        long orders = 0;
        for (var row : dashboard.path("byDay")) orders += row.path("orders").asLong();
        return orders;
    }
}

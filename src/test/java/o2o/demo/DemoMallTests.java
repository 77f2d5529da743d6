package o2o.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import o2o.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's mall as the README promises it: 悦荟广场 with 30 tenants on five floors, run by {@code mall1}, whose
 * tenants sold to the mall's members over the last month. Configured as {@link DemoDataTests} is, so that both share
 * one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"o2o.demo.enabled=true", "o2o.demo.stores=400", "o2o.identity.operator-username=admin",
                "o2o.identity.operator-password=admin123"})
@ActiveProfiles("test")
class DemoMallTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String signIn(Api api, String username) {
        var response = api.post("/api/v1/auth/staff/login", Map.of("username", username, "password", "demo1234"));
        assertThat(response.status()).as(username).isEqualTo(200);
        return response.text("token");
    }

    @Test
    void theMallHasThirtyTenantsOnFiveFloorsAndAMonthOfTheirSales() {
        var api = new Api(port);
        var operator = signIn(api, "mall1");
        var mall = api.get("/api/v1/merchant/mall", operator);
        assertThat(mall.status()).as(mall.raw()).isEqualTo(200);
        assertThat(mall.text("name")).isEqualTo("悦荟广场");
        assertThat(mall.body().path("floors").size()).isEqualTo(5);
        var tenants = mall.body().path("tenants");
        assertThat(tenants.size()).isEqualTo(30);
        var perFloor = new HashMap<Integer, Integer>();
        tenants.forEach(t -> perFloor.merge(t.path("floor").asInt(), 1, Integer::sum));
        assertThat(perFloor).containsOnlyKeys(-1, 1, 2, 3, 4).allSatisfy((floor, count) -> assertThat(count).isEqualTo(6));
        assertThat(api.get("/api/v1/malls/" + mall.text("id")).body().path("tenants").size()).isEqualTo(30);

        var tenant = signIn(api, "tenant01");
        var dashboard = api.get("/api/v1/merchant/dashboard", tenant);
        assertThat(dashboard.status()).as(dashboard.raw()).isEqualTo(200);
        assertThat(dashboard.body().path("totals").path("orders").asLong()).as("a tenant's month of sales")
                .isPositive();
        var program = api.get("/api/v1/merchant/points-program", tenant);
        assertThat(program.text("programId")).as("the tenant collects in the mall's programme")
                .isEqualTo(mall.text("programId"));
    }

    @Test
    void theMallsMonthShowsOnItsDashboardCouponsEventsSettlementAndCarPark() {
        var api = new Api(port);
        var operator = signIn(api, "mall1");
        var mallId = api.get("/api/v1/merchant/mall", operator).text("id");
        var dashboard = api.get("/api/v1/merchant/mall/dashboard", operator);
        assertThat(dashboard.status()).as(dashboard.raw()).isEqualTo(200);
        var figures = dashboard.body();
        assertThat(figures.path("doors").path("in").asLong()).as("a month of door counts").isGreaterThan(100_000);
        assertThat(figures.path("doors").path("byEntrance").size()).isEqualTo(3);
        assertThat(figures.path("members").path("wifiVisits").asLong()).as("Wi-Fi visits").isGreaterThan(1_000);
        assertThat(figures.path("members").path("conversionPerMille").asLong()).as("visits that bought").isPositive();
        assertThat(figures.path("byFloor").size()).isEqualTo(5);

        var coupons = api.get("/api/v1/merchant/mall/coupons", operator);
        assertThat(coupons.status()).as(coupons.raw()).isEqualTo(200);
        assertThat(coupons.body().size()).isEqualTo(2);
        assertThat(coupons.raw()).contains("悦荟广场满200减30");

        var events = api.get("/api/v1/malls/" + mallId + "/events");
        assertThat(events.body().size()).as(events.raw()).isEqualTo(3);
        assertThat(count("select count(*) from mall_event_sign_up where checked_in_at is not null")).isEqualTo(10);

        var lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        var statements = api.get("/api/v1/merchant/mall/statements?month=" + lastMonth, operator);
        assertThat(statements.status()).as(statements.raw()).isEqualTo(200);
        assertThat(statements.body().size()).as(statements.raw()).isEqualTo(30);
        assertThat(count("select count(*) from mall_statement")).as("last month closed for every tenant").isEqualTo(30);
        assertThat(count("select count(*) from mall_payout where status = 'PAID'")).isEqualTo(1);
        assertThat(count("select count(*) from parking_session where status = 'PARKED'")).isEqualTo(5);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

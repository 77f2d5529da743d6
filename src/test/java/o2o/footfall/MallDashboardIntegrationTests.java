package o2o.footfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.malls.MallFixtures;
import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class MallDashboardIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private WebSession.Page wifiBySms(UUID mall, String phone) {
        var session = new WebSession(port);
        session.get("/malls/" + mall + "/wifi");
        assertThat(session.post("/malls/" + mall + "/wifi/code", Map.of("phone", phone)).status()).isEqualTo(200);
        var done = session.post("/malls/" + mall + "/wifi", Map.of("phone", phone, "code", fixtures.latestCode(phone)));
        assertThat(done.body()).contains("wifi-connected");
        return done;
    }

    private void wifiByMemberCode(UUID mall, String memberCode) {
        var session = new WebSession(port);
        session.get("/malls/" + mall + "/wifi");
        assertThat(session.post("/malls/" + mall + "/wifi/member", Map.of("memberCode", memberCode)).body())
                .contains("wifi-connected");
    }

    private void join(String customer, UUID merchant) {
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", merchant), customer).status()).isEqualTo(200);
    }

    private void posSale(String key, long total, String memberPhone) {
        var sale = PosSaleBodies.sale(Fixtures.unique("txn"), total, clock.instant().minusSeconds(30), "WECHAT",
                Map.of("phone", memberPhone));
        var recorded = api.post("/api/v1/pos/sales", sale, key);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
    }

    @Test
    void theDashboardAddsUpAConstructedDayExactly() {
        FootfallWorld.midDay(clock);
        var malls = new MallFixtures(api, fixtures);
        var mall = malls.mall(Fixtures.unique("看板广场"), 2);
        var food = mall.tenants().get(0); // L1, 餐饮
        var shop = mall.tenants().get(1); // L2, 零售
        var start = clock.instant();

        // the doors: four quarter hours at the north door, two at the south one
        var counter = FootfallWorld.key(api, mall.building(), mall.operator().ownerToken());
        assertThat(api.post("/api/v1/pos/door-counts", FootfallWorld.batch(start, "北门", 10, 20, 30, 40), counter)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/pos/door-counts", FootfallWorld.batch(start, "南门", 8, 12), counter).status())
                .isEqualTo(200);

        // A: a member with the mall's card signs in twice, 20 minutes apart, and buys at the restaurant's counter
        var phoneA = Fixtures.uniquePhone();
        var a = fixtures.customerToken(phoneA);
        join(a, mall.operator().id());
        join(a, food.merchant().id());
        var cardA = api.get("/api/v1/me/memberships/" + mall.operator().id() + "/qr-token", a).text("token");
        wifiByMemberCode(mall.id(), cardA);
        // B and C sign in by SMS; B buys a deal of the shop online; C buys nothing
        var phoneB = Fixtures.uniquePhone();
        var phoneC = Fixtures.uniquePhone();
        wifiBySms(mall.id(), phoneB);
        wifiBySms(mall.id(), phoneC);
        clock.advance(Duration.ofMinutes(20));
        wifiByMemberCode(mall.id(), api.get("/api/v1/me/memberships/" + mall.operator().id() + "/qr-token", a)
                .text("token"));

        var foodKey = FootfallWorld.key(api, food.store(), food.merchant().ownerToken());
        posSale(foodKey, 10_000, phoneA);
        var b = fixtures.customerToken(phoneB);
        var deal = fixtures.deal(shop.merchant(), Set.of(shop.store()), 5_000, null, false, "ANYTIME");
        var order = fixtures.order(b, deal, 1);
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        fixtures.pay(b, order.text("id"), true);
        fixtures.vouchersOf(b, 1);
        // D never signed in to the Wi-Fi: the restaurant's sale counts, the conversion does not see D
        var phoneD = Fixtures.uniquePhone();
        join(fixtures.customerToken(phoneD), food.merchant().id());
        posSale(foodKey, 3_000, phoneD);
        Drained.await(jdbc);

        var today = LocalDate.ofInstant(clock.instant(), FootfallWorld.SHANGHAI);
        var answer = api.get("/api/v1/merchant/mall/dashboard?from=" + today + "&to=" + today,
                mall.operator().ownerToken());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        var d = answer.body();

        var doors = d.path("doors");
        assertThat(doors.path("in").asLong()).isEqualTo(120);
        assertThat(doors.path("out").asLong()).isEqualTo(5 + 10 + 15 + 20 + 4 + 6);
        assertThat(doors.path("byDay")).hasSize(1);
        assertThat(doors.path("byDay").get(0).path("in").asLong()).isEqualTo(120);
        assertThat(doors.path("byEntrance").get(0).path("entrance").asString()).isEqualTo("北门");
        assertThat(doors.path("byEntrance").get(0).path("in").asLong()).isEqualTo(100);
        assertThat(doors.path("byEntrance").get(1).path("in").asLong()).isEqualTo(20);
        var expectedHours = new HashMap<Integer, Long>();
        int[] north = {10, 20, 30, 40};
        for (int i = 0; i < 4; i++) {
            expectedHours.merge(hourOf(FootfallWorld.endedInterval(start, 3 - i)), (long) north[i], Long::sum);
        }
        expectedHours.merge(hourOf(FootfallWorld.endedInterval(start, 1)), 8L, Long::sum);
        expectedHours.merge(hourOf(FootfallWorld.endedInterval(start, 0)), 12L, Long::sum);
        assertThat(doors.path("byHour")).hasSize(24);
        for (var hour : doors.path("byHour")) {
            assertThat(hour.path("in").asLong()).as("hour " + hour.path("hour"))
                    .isEqualTo(expectedHours.getOrDefault(hour.path("hour").asInt(), 0L));
        }

        var members = d.path("members");
        assertThat(members.path("wifiVisits").asLong()).isEqualTo(3);
        assertThat(members.path("sharePerMille").asLong()).isEqualTo(25); // 3 of 120
        assertThat(members.path("averageDwellSeconds").asLong()).isEqualTo(20 * 60 / 3);
        assertThat(members.path("visitingMembers").asLong()).isEqualTo(3);
        assertThat(members.path("buyers").asLong()).isEqualTo(2);
        assertThat(members.path("conversionPerMille").asLong()).isEqualTo(667);

        var l1 = floor(d, 1);
        assertThat(l1.path("orders").asLong()).isEqualTo(2);
        assertThat(l1.path("posNetMinor").asLong()).isEqualTo(13_000);
        assertThat(l1.path("onlineNetMinor").asLong()).isZero();
        var l2 = floor(d, 2);
        assertThat(l2.path("orders").asLong()).isEqualTo(1);
        assertThat(l2.path("posNetMinor").asLong()).isZero();
        assertThat(l2.path("onlineNetMinor").asLong()).isEqualTo(5_000);
        assertThat(floor(d, -1).path("netMinor").asLong()).isZero();
        assertThat(d.path("byCategory").get(0).path("name").asString()).isEqualTo("餐饮");
        assertThat(d.path("byCategory").get(0).path("netMinor").asLong()).isEqualTo(13_000);
        assertThat(d.path("byCategory").get(1).path("name").asString()).isEqualTo("零售");
        assertThat(d.path("byCategory").get(1).path("onlineNetMinor").asLong()).isEqualTo(5_000);

        // the page shows the same figures, charts first
        var page = new WebSession(port).signInAsStaff(mall.operator().ownerUsername(), "password-1")
                .get("/merchant/mall/dashboard?days=7");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("chart-mall-hours", "chart-mall-floors", "tile-conversion", "130.00", "50.00");
        assertThat(page.body().indexOf("chart-mall-hours")).isLessThan(page.body().indexOf("table-floors"));
        // and the day before holds none of it
        var yesterday = today.minusDays(1);
        var before = api.get("/api/v1/merchant/mall/dashboard?from=" + yesterday + "&to=" + yesterday,
                mall.operator().ownerToken()).body();
        assertThat(before.path("doors").path("in").asLong()).isZero();
        assertThat(before.path("members").path("wifiVisits").asLong()).isZero();
    }

    private static int hourOf(Instant instant) {
        return LocalDateTime.ofInstant(instant, FootfallWorld.SHANGHAI).getHour();
    }

    private static JsonNode floor(JsonNode d, int level) {
        for (var f : d.path("byFloor")) if (f.path("level").asInt() == level) return f;
        throw new AssertionError("no floor " + level + " in " + d.path("byFloor"));
    }

    @Test
    void onlyTheMallsOwnersAndManagersSeeItsDashboard() {
        var malls = new MallFixtures(api, fixtures);
        var a = malls.mall(Fixtures.unique("甲看板"), 1);
        var b = malls.mall(Fixtures.unique("乙看板"), 1);
        var counter = FootfallWorld.key(api, a.building(), a.operator().ownerToken());
        api.post("/api/v1/pos/door-counts", FootfallWorld.batch(clock.instant(), "北门", 77), counter);

        var manager = fixtures.staff(a.operator(), Role.MANAGER, Set.of());
        assertThat(api.get("/api/v1/merchant/mall/dashboard", manager).body().path("doors").path("in").asLong())
                .isEqualTo(77);
        // mall B's operator sees only mall B
        var theirs = api.get("/api/v1/merchant/mall/dashboard", b.operator().ownerToken());
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.text("mallId")).isEqualTo(b.id().toString());
        assertThat(theirs.body().path("doors").path("in").asLong()).isZero();
        // a tenant, a cashier of the mall, a merchant with no mall, a customer
        var tenant = a.tenants().getFirst().merchant().ownerToken();
        assertThat(api.get("/api/v1/merchant/mall/dashboard", tenant).status()).isEqualTo(403);
        var cashier = fixtures.staff(a.operator(), Role.CASHIER, Set.of(a.building()));
        assertThat(api.get("/api/v1/merchant/mall/dashboard", cashier).status()).isEqualTo(403);
        var plain = fixtures.approvedMerchant("无商场商户");
        assertThat(api.get("/api/v1/merchant/mall/dashboard", plain.ownerToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall/dashboard", fixtures.customerToken(Fixtures.uniquePhone())).status())
                .isEqualTo(403);
        assertThat(new WebSession(port).signInAsStaff(a.tenants().getFirst().merchant().ownerUsername(), "password-1")
                .get("/merchant/mall/dashboard").status()).isEqualTo(403);
    }

    @Test
    void badPeriodsAre400() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("坏参数广场"), 1);
        var token = mall.operator().ownerToken();
        assertThat(api.get("/api/v1/merchant/mall/dashboard?from=2026-02-10&to=2026-02-01", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/mall/dashboard?from=2024-01-01&to=2026-01-01", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/mall/dashboard?from=yesterday", token).status()).isEqualTo(400);
        var session = new WebSession(port).signInAsStaff(mall.operator().ownerUsername(), "password-1");
        assertThat(session.get("/merchant/mall/dashboard?days=8").status()).isEqualTo(400);
        assertThat(session.get("/merchant/mall").body()).contains("to-mall-dashboard");
    }
}

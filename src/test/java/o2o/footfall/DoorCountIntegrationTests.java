package o2o.footfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.malls.MallFixtures;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DoorCountIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private MallFixtures.MallFixture mall(String name) {
        return new MallFixtures(api, fixtures).mall(Fixtures.unique(name), 1);
    }

    private String buildingKey(MallFixtures.MallFixture mall) {
        return FootfallWorld.key(api, mall.building(), mall.operator().ownerToken());
    }

    private long stored(UUID mall, String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from footfall_door_count where mall_id = :m")
                .param("m", mall).query(Long.class).single();
    }

    private long rows(UUID mall) {
        return jdbc.sql("select count(*) from footfall_door_count where mall_id = :m").param("m", mall)
                .query(Long.class).single();
    }

    @Test
    void aBatchSentTwiceCountsOnceAndTheFirstReportOfAnIntervalStands() {
        var mall = mall("客流广场");
        var key = buildingKey(mall);
        var now = clock.instant();
        var first = api.post("/api/v1/pos/door-counts", FootfallWorld.batch(now, "北门", 10, 20, 30, 40), key);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("accepted").asInt()).isEqualTo(4);
        assertThat(first.body().path("duplicates").asInt()).isZero();

        var again = api.post("/api/v1/pos/door-counts", FootfallWorld.batch(now, "北门", 10, 20, 30, 40), key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("accepted").asInt()).isZero();
        assertThat(again.body().path("duplicates").asInt()).isEqualTo(4);

        // the last two again with other counts (a correction is not applied) and one older interval that is new
        var older = FootfallWorld.endedInterval(now, 4);
        var mixed = api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门", "intervals", List.of(
                FootfallWorld.interval(older, 7, 1),
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 1), 999, 999),
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 0), 999, 999))), key);
        assertThat(mixed.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(mixed.body().path("duplicates").asInt()).isEqualTo(2);
        // the same interval at another entrance is its own count
        var south = api.post("/api/v1/pos/door-counts", FootfallWorld.batch(now, "南门", 5), key);
        assertThat(south.body().path("accepted").asInt()).isEqualTo(1);

        assertThat(rows(mall.id())).isEqualTo(6);
        assertThat(stored(mall.id(), "people_in")).isEqualTo(10 + 20 + 30 + 40 + 7 + 5);
        assertThat(stored(mall.id(), "people_out")).isEqualTo(5 + 10 + 15 + 20 + 1 + 2);
    }

    @Test
    void eightIdenticalBatchesAtOnceCountOnce() throws Exception {
        var mall = mall("并发广场");
        var key = buildingKey(mall);
        var body = FootfallWorld.batch(clock.instant(), "东门", 11, 12, 13, 14, 15, 16, 17, 18);
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 8; i++) tasks.add(() -> api.post("/api/v1/pos/door-counts", body, key));
        var answers = Concurrently.atOnce(tasks);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(200));
        assertThat(answers.stream().mapToInt(a -> a.body().path("accepted").asInt()).sum()).isEqualTo(8);
        assertThat(answers.stream().mapToInt(a -> a.body().path("duplicates").asInt()).sum()).isEqualTo(7 * 8);
        assertThat(rows(mall.id())).isEqualTo(8);
        assertThat(stored(mall.id(), "people_in")).isEqualTo(11 + 12 + 13 + 14 + 15 + 16 + 17 + 18);
    }

    @Test
    void onlyAKeyOfAMallsBuildingPostsAndItsKeyDecidesTheMall() {
        var a = mall("甲广场");
        var b = mall("乙广场");
        var now = clock.instant();
        // a store that is no mall's building, and a tenant's store inside mall A
        var shop = fixtures.approvedMerchant("街边小店");
        var shopKey = FootfallWorld.key(api, fixtures.store(shop, Fixtures.unique("街边小店"), 31.2, 121.4, "小吃"),
                shop.ownerToken());
        var tenant = a.tenants().getFirst();
        var tenantKey = FootfallWorld.key(api, tenant.store(), tenant.merchant().ownerToken());
        // the mall operator's other store (not the building)
        var otherStore = fixtures.store(a.operator(), Fixtures.unique("甲广场停车楼"), 31.2, 121.4, "停车");
        var otherKey = FootfallWorld.key(api, otherStore, a.operator().ownerToken());
        for (var key : List.of(shopKey, tenantKey, otherKey)) {
            var refused = api.post("/api/v1/pos/door-counts", FootfallWorld.batch(now, "北门", 3), key);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.text("type")).endsWith("door-counter-not-mall");
        }
        assertThat(rows(a.id())).isZero();

        // mall A's counter has no say over mall B: whatever it sends is A's
        var aKey = buildingKey(a);
        assertThat(api.post("/api/v1/pos/door-counts", FootfallWorld.batch(now, "北门", 9), aKey).status())
                .isEqualTo(200);
        assertThat(rows(a.id())).isEqualTo(1);
        assertThat(rows(b.id())).isZero();
        var bDashboard = api.get("/api/v1/merchant/mall/dashboard", b.operator().ownerToken());
        assertThat(bDashboard.status()).as(bDashboard.raw()).isEqualTo(200);
        assertThat(bDashboard.body().path("doors").path("in").asLong()).isZero();
        assertThat(api.get("/api/v1/merchant/mall/dashboard", a.operator().ownerToken()).body().path("doors")
                .path("in").asLong()).isEqualTo(9);
        // no key at all
        assertThat(api.post("/api/v1/pos/door-counts", FootfallWorld.batch(now, "北门", 9), null).status())
                .isEqualTo(401);
    }

    @Test
    void aWrongIntervalRefusesTheWholeBatchWithNothingStored() {
        var mall = mall("校验广场");
        var key = buildingKey(mall);
        clock.freeze(); // the quarter still running must still be running when the server checks it
        var now = clock.instant();
        var good = FootfallWorld.interval(FootfallWorld.endedInterval(now, 2), 4, 4);
        var bad = List.of(
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 1).plusSeconds(60), 4, 4), // misaligned
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 1), -1, 4), // negative in
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 1), 4, -2), // negative out
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 0).plus(Duration.ofMinutes(15)), 4, 4), // not ended
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 0).plus(Duration.ofHours(5)), 4, 4), // future
                FootfallWorld.interval(FootfallWorld.endedInterval(now, 2), 5, 5)); // the good one's start twice
        for (var wrong : bad) {
            var refused = api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门", "intervals", List.of(good, wrong)),
                    key);
            assertThat(refused.status()).as(wrong + " " + refused.raw()).isEqualTo(400);
        }
        var many = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 97; i++) many.add(FootfallWorld.interval(FootfallWorld.endedInterval(now, i), 1, 1));
        assertThat(api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门", "intervals", many), key).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门", "intervals", List.of()), key).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/pos/door-counts", Map.of("entrance", " ", "intervals", List.of(good)), key).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/pos/door-counts", Map.of("intervals", List.of(good)), key).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门",
                "intervals", List.of(Map.of("start", good.get("start"), "in", 3))), key).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门",
                "intervals", List.of(Map.of("start", "yesterday", "in", 3, "out", 1))), key).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/pos/door-counts", null, key).status()).isEqualTo(400);
        assertThat(rows(mall.id())).isZero();
        // the 96 intervals of a day are one batch
        var day = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 96; i++) day.add(FootfallWorld.interval(FootfallWorld.endedInterval(now, i), 1, 1));
        var full = api.post("/api/v1/pos/door-counts", Map.of("entrance", "北门", "intervals", day), key);
        assertThat(full.body().path("accepted").asInt()).as(full.raw()).isEqualTo(96);
    }
}

package o2o.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import o2o.merchants.persistence.StoreRows;
import o2o.shared.GeoPoint;
import o2o.shared.Ids;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class NearbySearchIntegrationTests extends ApiTest {

    @Autowired
    MerchantImport imports;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    StoreRows rows;

    @Autowired
    JdbcClient jdbc;

    /** Each test searches around its own spot on the globe, so stores of other tests never show up. */
    double lat;
    double lng;

    @BeforeEach
    void setUp() {
        lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        lng = ThreadLocalRandom.current().nextDouble(-170, 170);
    }

    /** A point about {@code meters} east of the test's origin. */
    double east(double meters) {
        return lng + meters / (111_320.0 * Math.cos(Math.toRadians(lat)));
    }

    @Test
    void findsListedStoresWithinTheRadiusNearestFirst() {
        var merchant = fixtures.approvedMerchant("近的店");
        var at300 = fixtures.store(merchant, "三百米", lat, east(300), "火锅");
        var at100 = fixtures.store(merchant, "一百米", lat, east(100), "火锅");
        var at900 = fixtures.store(merchant, "九百米", lat, east(900), "咖啡");
        fixtures.store(merchant, "两公里", lat, east(2_000), "火锅");

        var found = api.get("/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=1000".formatted(lat, lng));
        assertThat(found.status()).isEqualTo(200);
        assertThat(ids(found.body().path("items"))).containsExactly(at100.toString(), at300.toString(), at900.toString());
        var first = found.body().path("items").get(0);
        assertThat(first.path("distanceMeters").asLong()).isBetween(99L, 101L);
        assertThat(first.path("merchantId").asString()).isEqualTo(merchant.id().toString());
        var monday = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getDayOfWeek() == DayOfWeek.MONDAY;
        assertThat(first.path("openNow").asBoolean()).as("the test stores open all day on Mondays only").isEqualTo(monday);
        assertThat(found.body().path("next").isNull()).isTrue();
    }

    @Test
    void pagesThroughEveryStoreOnceByCursor() {
        var merchant = fixtures.approvedMerchant("翻页");
        var expected = new ArrayList<String>();
        for (int i = 1; i <= 7; i++) {
            expected.add(fixtures.store(merchant, "店" + i, lat, east(i * 50), "面馆").toString());
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get("/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=1000&limit=3%s"
                    .formatted(lat, lng, cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            seen.addAll(ids(page.body().path("items")));
            cursor = page.body().path("next").isNull() ? null : page.body().path("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersByCategoryAndText() {
        var merchant = fixtures.approvedMerchant("过滤");
        var hotpot = fixtures.store(merchant, "小龙坎", lat, east(100), "火锅");
        var coffee = fixtures.store(merchant, "Manner", lat, east(200), "咖啡");
        var base = "/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=1000".formatted(lat, lng);

        assertThat(ids(api.get(base + "&category=咖啡").body().path("items"))).containsExactly(coffee.toString());
        assertThat(ids(api.get(base + "&category=测试").body().path("items"))) // a tag matches too
                .containsExactly(hotpot.toString(), coffee.toString());
        assertThat(ids(api.get(base + "&q=manner").body().path("items"))).containsExactly(coffee.toString());
        assertThat(ids(api.get(base + "&q=%25").body().path("items"))).as("LIKE wildcards are literal").isEmpty();
    }

    @Test
    void storesOfMerchantsNotYetApprovedAndInactiveStoresAreNotFound() {
        var pending = fixtures.pendingMerchant("待审核");
        var hidden = fixtures.store(pending, "还没上架", lat, east(100), "火锅");
        var approved = fixtures.approvedMerchant("已上架");
        var shown = fixtures.store(approved, "已上架店", lat, east(200), "火锅");
        var closing = fixtures.store(approved, "要关的店", lat, east(300), "火锅");
        var body = new HashMap<String, Object>(Fixtures.storeBody("要关的店", lat, east(300), "火锅"));
        body.put("active", false);
        assertThat(api.put("/api/v1/merchant/stores/" + closing, body, approved.ownerToken()).status()).isEqualTo(200);

        var base = "/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=1000".formatted(lat, lng);
        assertThat(ids(api.get(base).body().path("items"))).containsExactly(shown.toString());
        assertThat(api.get("/api/v1/stores/" + hidden).status()).isEqualTo(404);

        var approve = api.post("/api/v1/admin/merchants/" + pending.id() + "/approve", null, fixtures.operatorToken());
        assertThat(approve.status()).isEqualTo(200);
        assertThat(ids(api.get(base).body().path("items"))).containsExactly(hidden.toString(), shown.toString());
        assertThat(api.get("/api/v1/stores/" + hidden).text("name")).isEqualTo("还没上架");
    }

    @Test
    void badCoordinatesRadiusLimitOrCursorAreBadRequests() {
        for (var query : List.of("lat=91&lng=0", "lat=0&lng=181", "lat=abc&lng=0", "lng=0", "lat=NaN&lng=0",
                "lat=0&lng=0&radiusMeters=0", "lat=0&lng=0&radiusMeters=50001", "lat=0&lng=0&limit=0",
                "lat=0&lng=0&limit=101", "lat=0&lng=0&cursor=not-a-cursor", "lat=0&lng=0&radiusMeters=1e9")) {
            var response = api.get("/api/v1/stores/nearby?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.text("type")).as(query).startsWith("urn:o2o:problem:");
            assertThat(response.text("detail")).as(query).isNotBlank();
        }
    }

    @Test
    void theSearchRunsOnTheGistIndexOverTenThousandStores() {
        var stores = new ArrayList<StoreDetails>();
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < 10_000; i++) {
            stores.add(new StoreDetails("索引" + i, "测试路", "测试", new GeoPoint(lat + random.nextGaussian() * 0.05,
                    lng + random.nextGaussian() * 0.05), null, ZoneId.of("Asia/Shanghai"), OpeningHours.closed(),
                    3000, "火锅", List.of(), List.of(), true));
        }
        imports.importApproved(List.of(new ImportedMerchant(Ids.next(), "索引测试", "火锅", "测试", "13900000000", stores)));
        jdbc.sql("analyze store").update();
        assertThat(jdbc.sql("select count(*) from store").query(Long.class).single()).isGreaterThanOrEqualTo(10_000);

        for (double radius : List.of(3000.0, 50_000.0)) {
            var plan = plan(radius, 101);
            assertThat(plan).as("radius %s", radius).contains("\"Index Name\": \"store_location_point_idx\"")
                    .contains("\"Order By\"") // nearest first on the index: the scan stops after a page
                    .doesNotContain("\"Node Type\": \"Seq Scan\"")
                    .doesNotContain("\"Node Type\": \"Bitmap Heap Scan\""); // never the whole box, then sorted
        }

        var found = api.get("/api/v1/stores/nearby?lat=%s&lng=%s&radiusMeters=3000&limit=100".formatted(lat, lng));
        var distances = new ArrayList<Long>();
        found.body().path("items").forEach(item -> distances.add(item.path("distanceMeters").asLong()));
        assertThat(distances).hasSize(100).isSorted().allMatch(d -> d <= 3000);
    }

    @Test
    void theSearchTurnsBitmapScansOffForItsOwnTransactionOnly() {
        var query = new NearbyQuery(new GeoPoint(lat, lng), 3000, 5, null, null, null);
        var inside = transactions.execute(status -> {
            rows.nearby(query, null, null, 5, java.time.Instant.now());
            return jdbc.sql("select current_setting('enable_bitmapscan')").query(String.class).single();
        });
        assertThat(inside).isEqualTo("off");
        assertThat(jdbc.sql("select current_setting('enable_bitmapscan')").query(String.class).single())
                .isEqualTo("on");
    }

    /** The search's plan as it runs: in a transaction, with the setting the search makes for it. */
    private String plan(double radius, int limit) {
        return transactions.execute(status -> {
            jdbc.sql(StoreRows.NEAREST_FIRST).update();
            return jdbc.sql("explain (format json) " + StoreRows.NEARBY_SQL)
                    .params(Map.of("lat", lat, "lng", lng, "radius", radius, "limit", limit))
                    .param("category", new SqlParameterValue(Types.VARCHAR, null))
                    .param("pattern", new SqlParameterValue(Types.VARCHAR, null))
                    .param("after_key", new SqlParameterValue(Types.DOUBLE, null))
                    .param("after_id", new SqlParameterValue(Types.OTHER, null))
                    .query(String.class)
                    .single();
        });
    }

    private static List<String> ids(JsonNode items) {
        var ids = new ArrayList<String>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

}

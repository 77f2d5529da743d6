package o2o.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Reviews over HTTP on the real database: who may review what, once, what is refused, flags, replies and hiding. */
class ReviewIntegrationTests extends ReviewTest {

    @Test
    void eachKindOfUsedPurchaseMayBeReviewedOnce() {
        var shop = world.shop("四种消费");
        var customer = world.customer();
        var orders = List.of(world.redeemedDeal(shop, customer), world.paidTableShare(shop, customer),
                world.pickup(shop, customer, true), world.memberSale(shop, customer));
        int i = 0;
        for (var order : orders) {
            var posted = world.review(customer.token(), order, 5, 4, 3 + i++ % 3, "好吃");
            assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
            assertThat(posted.text("storeId")).isEqualTo(shop.store().toString());
            assertThat(posted.body().path("flagged").asBoolean()).isFalse();
        }
        var listed = api.get("/api/v1/stores/" + shop.store() + "/reviews");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").size()).isEqualTo(4);
        assertThat(listed.body().path("rating").path("count").asInt()).isEqualTo(4);
        // (5+4+3) + (5+4+4) + (5+4+5) + (5+4+3) = 51 over 12 scores: 4.25 → 4.3
        assertThat(listed.body().path("rating").path("average").decimalValue()).isEqualByComparingTo("4.3");
    }

    @Test
    void unusedPurchasesOthersOrdersAndWalkInSalesAreRefusedAndNothingIsStored() {
        var shop = world.shop("未消费");
        var customer = world.customer();
        var unpaidDeal = fixtures.order(customer.token(), shop.deal(), 1).text("id");
        var unredeemed = world.paidDeal(shop, customer);
        var notCollected = world.pickup(shop, customer, false);
        for (var order : List.of(unpaidDeal, unredeemed, notCollected)) {
            var refused = world.review(customer.token(), order, 5, 5, 5, "提前评价");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:review-not-allowed");
        }
        var someoneElses = world.memberSale(shop, world.customer());
        assertThat(world.review(customer.token(), someoneElses, 5, 5, 5, "冒名").status()).isEqualTo(404);
        var walkIn = world.walkInSale(shop);
        var refused = world.review(customer.token(), walkIn, 5, 5, 5, "散客");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(reviewsAt(shop)).isZero();
        assertThat(api.get("/api/v1/stores/" + shop.store() + "/reviews").body().path("rating").isNull()).isTrue();
    }

    @Test
    void theSameOrderTwiceIsAConflictAndOneRow() {
        var shop = world.shop("重复评价");
        var customer = world.customer();
        var order = world.memberSale(shop, customer);
        assertThat(world.review(customer.token(), order, 4, 4, 4, "第一次").status()).isEqualTo(201);
        var again = world.review(customer.token(), order, 1, 1, 1, "第二次");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:review-exists");
        assertThat(reviewsAt(shop)).isEqualTo(1);
        assertThat(api.get("/api/v1/stores/" + shop.store() + "/reviews").body().path("rating").path("average")
                .decimalValue()).isEqualByComparingTo("4.0");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        var shop = world.shop("坏输入");
        var customer = world.customer();
        var order = world.memberSale(shop, customer);
        var cases = new ArrayList<Map<String, Object>>();
        cases.add(body(0, "好", List.of()));
        cases.add(body(6, "好", List.of()));
        cases.add(body(5, "好", List.of("https://a.example/1", "https://a.example/2", "https://a.example/3",
                "https://a.example/4", "https://a.example/5", "https://a.example/6", "https://a.example/7")));
        cases.add(body(5, "好", List.of("http://a.example/1.jpg")));
        cases.add(body(5, "好", List.of("javascript:alert(1)")));
        cases.add(body(5, "好", List.of("https://a.example/" + "x".repeat(600))));
        cases.add(body(5, "长".repeat(1001), List.of()));
        cases.add(body(5, "响\u0007铃", List.of()));
        var missing = new HashMap<String, Object>(body(5, "好", List.of()));
        missing.remove("service");
        cases.add(missing);
        for (var body : cases) {
            var refused = api.post("/api/v1/orders/" + order + "/review", body, customer.token());
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(reviewsAt(shop)).isZero();
        assertThat(world.review(customer.token(), order, 5, 5, 5, "终于好了").status()).isEqualTo(201);
    }

    @Test
    void aLowReviewIsFlaggedWithADeadlineResolvedByTheMerchantAndHiddenByTheOperator() {
        var shop = world.shop("差评");
        var unhappy = world.customer();
        var happy = world.customer();
        var low = world.review(unhappy.token(), world.memberSale(shop, unhappy), 2, 3, 1, "太慢了");
        assertThat(low.status()).as(low.raw()).isEqualTo(201);
        assertThat(low.body().path("flagged").asBoolean()).isTrue();
        var created = Instant.parse(low.text("createdAt"));
        assertThat(Instant.parse(low.text("replyDueAt"))).isEqualTo(created.plus(Duration.ofHours(24)));
        var good = world.review(happy.token(), world.memberSale(shop, happy), 5, 5, 4, "很好");
        assertThat(good.body().path("flagged").asBoolean()).isFalse();
        assertThat(good.body().path("replyDueAt").isNull()).isTrue();

        var owner = shop.merchant().ownerToken();
        var open = api.get("/api/v1/merchant/reviews?unresolved=true", owner);
        assertThat(open.status()).as(open.raw()).isEqualTo(200);
        assertThat(open.body().path("items").size()).isEqualTo(1);
        assertThat(open.body().path("items").get(0).path("id").asString()).isEqualTo(low.text("id"));
        var all = api.get("/api/v1/merchant/reviews", owner).body().path("items");
        assertThat(all.get(0).path("id").asString()).as("open flagged first").isEqualTo(low.text("id"));

        var resolveGood = api.post("/api/v1/merchant/reviews/" + good.text("id") + "/resolve", null, owner);
        assertThat(resolveGood.status()).isEqualTo(409);
        assertThat(resolveGood.text("type")).isEqualTo("urn:o2o:problem:review-not-flagged");
        var reply = api.post("/api/v1/merchant/reviews/" + low.text("id") + "/reply", Map.of("text", "抱歉，已改进"),
                owner);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.text("reply")).isEqualTo("抱歉，已改进");
        var secondReply = api.post("/api/v1/merchant/reviews/" + low.text("id") + "/reply", Map.of("text", "再说一次"),
                owner);
        assertThat(secondReply.status()).isEqualTo(409);
        assertThat(secondReply.text("type")).isEqualTo("urn:o2o:problem:review-already-replied");
        var resolved = api.post("/api/v1/merchant/reviews/" + low.text("id") + "/resolve", null, owner);
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.text("resolvedAt")).isNotBlank();
        assertThat(api.get("/api/v1/merchant/reviews?unresolved=true", owner).body().path("items").size()).isZero();
        assertThat(api.get("/api/v1/merchant/reviews?flagged=true", owner).body().path("items").size()).isEqualTo(1);

        var rating = api.get("/api/v1/stores/" + shop.store() + "/reviews").body().path("rating");
        assertThat(rating.path("count").asInt()).isEqualTo(2);
        assertThat(rating.path("average").decimalValue()).isEqualByComparingTo("3.3"); // 20 / 6
        assertThat(api.post("/api/v1/admin/reviews/" + low.text("id") + "/hide", Map.of("reason", "广告"), owner)
                .status()).as("a merchant is not the operator").isEqualTo(403);
        var operator = fixtures.operatorToken();
        assertThat(api.post("/api/v1/admin/reviews/" + low.text("id") + "/hide", Map.of("reason", " "), operator)
                .status()).isEqualTo(400);
        var hidden = api.post("/api/v1/admin/reviews/" + low.text("id") + "/hide", Map.of("reason", "辱骂"), operator);
        assertThat(hidden.status()).as(hidden.raw()).isEqualTo(200);
        assertThat(hidden.body().path("hidden").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/admin/reviews/" + low.text("id") + "/hide", Map.of("reason", "辱骂"), operator)
                .status()).isEqualTo(409);
        var after = api.get("/api/v1/stores/" + shop.store() + "/reviews").body();
        assertThat(after.path("items").size()).isEqualTo(1);
        assertThat(after.path("items").get(0).path("id").asString()).isEqualTo(good.text("id"));
        assertThat(after.path("rating").path("count").asInt()).isEqualTo(1);
        assertThat(after.path("rating").path("average").decimalValue()).isEqualByComparingTo("4.7");
    }

    @Test
    void theNearbyListShowsEachStoresAverageAndCount() {
        var shop = world.shop("附近评分");
        var customer = world.customer();
        world.review(customer.token(), world.memberSale(shop, customer), 4, 5, 3, "不错");
        var nearby = api.get("/api/v1/stores/nearby?lat=31.2&lng=121.4&radiusMeters=500&limit=100&q="
                + java.net.URLEncoder.encode(shop.name(), java.nio.charset.StandardCharsets.UTF_8)).body();
        var found = false;
        for (var store : nearby.path("items")) {
            if (!store.path("id").asString().equals(shop.store().toString())) continue;
            found = true;
            assertThat(store.path("rating").path("count").asInt()).isEqualTo(1);
            assertThat(store.path("rating").path("average").decimalValue()).isEqualByComparingTo("4.0");
        }
        assertThat(found).as("the store in the nearby list").isTrue();
    }

    @Test
    void aCustomerPostsAtMostTenReviewsAnHour() {
        var shop = world.shop("限流");
        var customer = world.customer();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 11; i++) {
            statuses.add(world.review(customer.token(), UUID.randomUUID().toString(), 5, 5, 5, "刷").status());
        }
        assertThat(statuses.subList(0, 10)).as("each attempt counts, found or not").containsOnly(404);
        assertThat(statuses.get(10)).isEqualTo(429);
        var order = world.memberSale(shop, customer);
        assertThat(world.review(customer.token(), order, 5, 5, 5, "真的").status()).as("still limited").isEqualTo(429);
    }

    private static Map<String, Object> body(int taste, String text, List<String> photos) {
        return Map.of("taste", taste, "environment", 4, "service", 4, "text", text, "photos", photos);
    }

    private long reviewsAt(ReviewFixtures.Shop shop) {
        return jdbc.sql("select count(*) from review where store_id = :s").param("s", shop.store())
                .query(Long.class).single();
    }
}

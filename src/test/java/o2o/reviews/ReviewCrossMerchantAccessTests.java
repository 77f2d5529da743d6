package o2o.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Merchant B, or staff limited to another store, can neither list nor answer merchant A's reviews: "not found". */
class ReviewCrossMerchantAccessTests extends ApiTest {

    @Test
    void anotherMerchantsReviewsAreNotFound() {
        var world = new ReviewFixtures(api, fixtures, port);
        var a = world.shop("评价甲");
        var b = world.shop("评价乙");
        var customer = world.customer();
        var review = world.review(customer.token(), world.memberSale(a, customer), 1, 2, 1, "差");
        assertThat(review.status()).as(review.raw()).isEqualTo(201);
        var id = review.text("id");

        var other = b.merchant().ownerToken();
        assertThat(api.get("/api/v1/merchant/reviews", other).body().path("items").size()).isZero();
        assertThat(api.get("/api/v1/merchant/reviews?flagged=true&unresolved=true", other).body().path("items").size())
                .isZero();
        assertThat(api.post("/api/v1/merchant/reviews/" + id + "/reply", Map.of("text", "冒充"), other).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/reviews/" + id + "/resolve", null, other).status()).isEqualTo(404);

        var elsewhere = fixtures.store(a.merchant(), "评价甲二店", 31.3, 121.5, "本帮菜");
        var limited = fixtures.staff(a.merchant(), Role.MANAGER, Set.of(elsewhere));
        assertThat(api.get("/api/v1/merchant/reviews", limited).body().path("items").size()).isZero();
        assertThat(api.post("/api/v1/merchant/reviews/" + id + "/resolve", null, limited).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/reviews/" + id + "/reply", Map.of("text", "x"), a.cashier()).status())
                .as("cashiers do not answer reviews").isEqualTo(403);

        var owner = a.merchant().ownerToken();
        assertThat(api.get("/api/v1/merchant/reviews", owner).body().path("items").size()).isEqualTo(1);
        var unchanged = api.get("/api/v1/stores/" + a.store() + "/reviews").body().path("items").get(0);
        assertThat(unchanged.path("reply").isNull()).isTrue();
        assertThat(unchanged.path("resolvedAt").isNull()).isTrue();
    }
}

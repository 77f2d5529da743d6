package o2o.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import o2o.testing.Api;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.Test;

/** Simultaneous reviews: one per order, and a store's count and average exact however many arrive at once. */
class ReviewConcurrencyTests extends ReviewTest {

    @Test
    void tenSimultaneousReviewsOfOneOrderMakeExactlyOne() throws Exception {
        var shop = world.shop("同时评价");
        var customer = world.customer();
        var order = world.memberSale(shop, customer);
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 10; i++) tasks.add(() -> world.review(customer.token(), order, 3, 4, 5, "同时"));
        var statuses = Concurrently.atOnce(tasks).stream().map(Api.Response::status).toList();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(jdbc.sql("select count(*) from review where order_id = cast(:o as uuid)").param("o", order)
                .query(Long.class).single()).isEqualTo(1);
        var rating = api.get("/api/v1/stores/" + shop.store() + "/reviews").body().path("rating");
        assertThat(rating.path("count").asInt()).isEqualTo(1);
        assertThat(rating.path("average").decimalValue()).isEqualByComparingTo("4.0");
    }

    @Test
    void reviewsOfManyOrdersAtOnceAddUpExactly() throws Exception {
        var shop = world.shop("同店并发");
        var tasks = new ArrayList<Callable<Api.Response>>();
        int scoreSum = 0;
        for (int i = 0; i < 12; i++) {
            var customer = world.customer();
            var order = world.memberSale(shop, customer);
            int taste = 1 + i % 5;
            scoreSum += taste + 3 + 4;
            tasks.add(() -> world.review(customer.token(), order, taste, 3, 4, "并发"));
        }
        List<Integer> statuses = Concurrently.atOnce(tasks).stream().map(Api.Response::status).toList();
        assertThat(statuses).containsOnly(201);
        var row = jdbc.sql("select reviews, stars_sum from store_rating where store_id = :s").param("s", shop.store())
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        assertThat(row).containsExactly(12L, (long) scoreSum);
        var rating = api.get("/api/v1/stores/" + shop.store() + "/reviews").body().path("rating");
        assertThat(rating.path("count").asInt()).isEqualTo(12);
        // taste 1..5 cycling over 12 orders: 1+2+3+4+5+1+2+3+4+5+1+2 = 33, plus 7 × 12 = 84: 117 / 36 = 3.25 → 3.3
        assertThat(scoreSum).isEqualTo(117);
        assertThat(rating.path("average").decimalValue()).isEqualByComparingTo("3.3");
    }
}

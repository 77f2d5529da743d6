package o2o.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A store's list and the merchant's inbox page by cursor through more reviews than a page holds, each review once,
 * in order; imported history counts in the rating, and importing it again adds nothing.
 */
class ReviewPagingIntegrationTests extends ApiTest {

    @Autowired
    ReviewImport reviewImport;

    @Test
    void theStoresListAndTheInboxPageThroughEveryReviewOnce() {
        var merchant = fixtures.approvedMerchant("翻页评价");
        var store = fixtures.store(merchant, "翻页评价店", 31.25, 121.45, "本帮菜");
        var start = Instant.parse("2026-11-01T00:00:00Z");
        var batch = new ArrayList<ImportedReview>();
        for (int i = 0; i < 45; i++) {
            int stars = i % 9 == 0 ? 1 : 4;
            batch.add(new ImportedReview(new MerchantId(merchant.id()), new StoreId(store),
                    new OrderId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()),
                    new ReviewContent(Scores.of(stars, stars, stars), "第" + i + "条", List.of()),
                    start.plus(Duration.ofMinutes(i)), null, i == 9));
        }
        assertThat(reviewImport.importReviews(batch)).isEqualTo(45);
        assertThat(reviewImport.importReviews(batch)).as("again: nothing new").isZero();

        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/stores/" + store + "/reviews" + (cursor == null ? "" : "?cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().path("rating").path("count").asInt()).isEqualTo(45);
            page.body().path("items").forEach(r -> seen.add(r.path("text").asString()));
            cursor = page.body().path("next").isNull() ? null : page.body().path("next").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(seen.getFirst()).as("newest first").isEqualTo("第44条");
        assertThat(seen.getLast()).isEqualTo("第0条");

        var inbox = new ArrayList<String>();
        var flaggedOpen = new HashSet<String>();
        cursor = null;
        do {
            var page = api.get("/api/v1/merchant/reviews" + (cursor == null ? "" : "?cursor=" + cursor),
                    merchant.ownerToken());
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            for (var r : page.body().path("items")) {
                inbox.add(r.path("text").asString());
                if (r.path("flagged").asBoolean() && r.path("resolvedAt").isNull()) flaggedOpen.add(r.path("text").asString());
            }
            cursor = page.body().path("next").isNull() ? null : page.body().path("next").asString();
        } while (cursor != null);
        assertThat(inbox).hasSize(45).doesNotHaveDuplicates();
        // 0, 18, 27, 36 are open low scores (9 was resolved): they come first, newest first
        assertThat(flaggedOpen).containsExactlyInAnyOrder("第0条", "第18条", "第27条", "第36条");
        assertThat(inbox.subList(0, 4)).containsExactly("第36条", "第27条", "第18条", "第0条");
        assertThat(inbox.get(4)).isEqualTo("第44条");
        assertThat(api.get("/api/v1/merchant/reviews?cursor=nonsense", merchant.ownerToken()).status()).isEqualTo(400);
    }
}

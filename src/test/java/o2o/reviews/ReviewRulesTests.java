package o2o.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.junit.jupiter.api.Test;

/** The review's own rules, without Spring: scores, what may be written, flagging and the moves of a review. */
class ReviewRulesTests {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void starsAreOneToFive() {
        assertThatThrownBy(() -> new Stars(0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Stars(6)).isInstanceOf(InvalidInput.class);
        assertThat(new Stars(1).value()).isEqualTo(1);
        assertThat(new Stars(5).value()).isEqualTo(5);
        assertThatThrownBy(() -> Scores.of(5, null, 5)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("environment");
    }

    @Test
    void theOverallIsTheMeanAndTwoStarsOrLessFlags() {
        assertThat(Scores.of(2, 2, 2).low()).isTrue();
        assertThat(Scores.of(1, 1, 4).low()).as("mean 2").isTrue();
        assertThat(Scores.of(1, 1, 5).low()).as("mean 2.3, though one score is 1").isFalse();
        assertThat(Scores.of(5, 4, 4).overall()).isEqualByComparingTo("4.3");
        var low = review(Scores.of(2, 1, 2));
        assertThat(low.flagged()).isTrue();
        assertThat(low.replyDueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(low.open()).isTrue();
        assertThat(low.overdue(NOW.plus(Duration.ofHours(25)))).isTrue();
        assertThat(low.overdue(NOW.plus(Duration.ofHours(23)))).isFalse();
        var good = review(Scores.of(4, 4, 4));
        assertThat(good.flagged()).isFalse();
        assertThat(good.replyDueAt()).isNull();
    }

    @Test
    void textAndPhotosAreChecked() {
        var scores = Scores.of(5, 5, 5);
        assertThat(new ReviewContent(scores, "  多行\n文字\t好  ", List.of("https://img.example.com/1.jpg")).text())
                .isEqualTo("多行\n文字\t好");
        assertThatThrownBy(() -> new ReviewContent(scores, "x".repeat(1001), List.of()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ReviewContent(scores, "bell\u0007", List.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ReviewContent(scores, "nul\u0000", List.of())).isInstanceOf(InvalidInput.class);
        for (var bad : List.of("http://img.example.com/1.jpg", "javascript:alert(1)", "https:///nohost",
                "https://user:pw@img.example.com/1.jpg", "https://img.example.com/" + "x".repeat(500), "not a url")) {
            assertThatThrownBy(() -> new ReviewContent(scores, "", List.of(bad))).as(bad)
                    .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("photos[0]");
        }
        var seven = List.of("https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4",
                "https://a.example/5", "https://a.example/6", "https://a.example/7");
        assertThatThrownBy(() -> new ReviewContent(scores, "", seven)).isInstanceOf(InvalidInput.class);
        assertThat(new ReviewContent(scores, "", seven.subList(0, 6)).photos()).hasSize(6);
    }

    @Test
    void aReplyIsGivenOnceOnlyFlaggedReviewsAreResolvedAndHidingNeedsAReason() {
        var good = review(Scores.of(5, 5, 5));
        good.requireReplyable("谢谢");
        assertThatThrownBy(() -> good.requireReplyable(" ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(good::requireResolvable).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("review-not-flagged");
        var replied = new Review(good.id(), good.merchantId(), good.storeId(), good.orderId(), good.customerId(),
                good.scores(), good.text(), good.photos(), NOW, false, null, "谢谢", NOW, null, null, null);
        assertThatThrownBy(() -> replied.requireReplyable("再谢")).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("review-already-replied");
        var low = review(Scores.of(1, 1, 1));
        low.requireResolvable();
        var resolved = new Review(low.id(), low.merchantId(), low.storeId(), low.orderId(), low.customerId(),
                low.scores(), low.text(), low.photos(), NOW, true, low.replyDueAt(), null, null, NOW, null, null);
        assertThat(resolved.open()).isFalse();
        assertThatThrownBy(resolved::requireResolvable).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("review-already-resolved");
        assertThatThrownBy(() -> low.requireHideable("")).isInstanceOf(InvalidInput.class);
        low.requireHideable("辱骂");
    }

    private static Review review(Scores scores) {
        return Review.post(UUID.randomUUID(), new MerchantId(UUID.randomUUID()), new StoreId(UUID.randomUUID()),
                new OrderId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()),
                new ReviewContent(scores, "文字", List.of()), NOW);
    }
}

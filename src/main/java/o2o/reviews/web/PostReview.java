package o2o.reviews.web;

import java.util.List;

import o2o.reviews.ReviewContent;
import o2o.reviews.Scores;
import org.jspecify.annotations.Nullable;

/** A review as the customer sends it: three scores of 1-5, a text, up to six https photo addresses. */
record PostReview(@Nullable Integer taste, @Nullable Integer environment, @Nullable Integer service,
        @Nullable String text, @Nullable List<String> photos) {

    ReviewContent content() {
        return new ReviewContent(Scores.of(taste, environment, service), text == null ? "" : text,
                photos == null ? List.of() : photos);
    }
}

package o2o.reviews.web;

import java.util.List;

import o2o.merchants.StoreRating;
import o2o.reviews.StoreReviews;
import org.jspecify.annotations.Nullable;

/** A page of a store's reviews with its rating (null before the first review) and the next page's cursor. */
record StoreReviewsResponse(@Nullable StoreRating rating, List<ReviewResponse> items, @Nullable String next) {

    static StoreReviewsResponse of(StoreReviews reviews) {
        return new StoreReviewsResponse(reviews.rating(),
                reviews.page().items().stream().map(ReviewResponse::of).toList(), reviews.page().next());
    }
}

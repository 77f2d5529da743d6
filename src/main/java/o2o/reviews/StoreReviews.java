package o2o.reviews;

import o2o.merchants.StoreRating;
import o2o.shared.Page;
import org.jspecify.annotations.Nullable;

/** A page of a store's shown reviews, with its rating (null before its first review). */
public record StoreReviews(@Nullable StoreRating rating, Page<Review> page) {}

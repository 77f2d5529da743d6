package o2o.reviews;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import o2o.merchants.StoreRating;
import o2o.merchants.StoreRatings;
import o2o.reviews.persistence.Ratings;
import org.springframework.stereotype.Component;

/** Lends the nearby list each store's rating: one query for the page's stores, one row each. */
@Component
class ReviewRatings implements StoreRatings {

    private final Ratings ratings;

    ReviewRatings(Ratings ratings) {
        this.ratings = ratings;
    }

    @Override
    public Map<UUID, StoreRating> of(Collection<UUID> storeIds) {
        var found = new HashMap<UUID, StoreRating>();
        ratings.of(storeIds).forEach((id, row) -> Reviews.rating(row).ifPresent(r -> found.put(id, r)));
        return found;
    }
}

package o2o.reviews;

import java.util.List;

import o2o.reviews.persistence.Ratings;
import o2o.reviews.persistence.ReviewRows;
import o2o.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of past reviews. Their orders were imported as completed, so they count as used; an order reviewed
 * already is skipped (importing again adds nothing), and each store's rating moves with the reviews it gains.
 */
@Service
public class ReviewImport {

    private final ReviewRows rows;
    private final Ratings ratings;

    ReviewImport(ReviewRows rows, Ratings ratings) {
        this.rows = rows;
        this.ratings = ratings;
    }

    /** How many were new. */
    @Transactional
    public int importReviews(List<ImportedReview> reviews) {
        int added = 0;
        for (var r : reviews) {
            var review = Review.post(Ids.next(), r.merchantId(), r.storeId(), r.orderId(), r.customerId(), r.content(),
                    r.createdAt());
            if (!rows.insert(review)) continue;
            ratings.add(review.merchantId(), review.storeId(), review.scores().sum());
            if (r.reply() != null) rows.reply(review.id(), r.reply(), r.createdAt().plusSeconds(3600));
            if (r.resolved() && review.flagged()) rows.resolve(review.id(), r.createdAt().plusSeconds(7200));
            added++;
        }
        return added;
    }
}

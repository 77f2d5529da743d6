package o2o.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.merchants.StoreRating;
import o2o.merchants.Stores;
import o2o.reviews.persistence.InboxCursor;
import o2o.reviews.persistence.Ratings;
import o2o.reviews.persistence.ReviewRows;
import o2o.reviews.persistence.ReviewRows.InboxFilter;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.Page;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.StoreId;
import o2o.shared.TimeCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. A review is stored with its store's rating moved in the same transaction; whether the order may be
 * reviewed is asked of its owners then ({@link VerifiedPurchases}). Staff of another merchant, or limited to other
 * stores, get "not found" for a review.
 */
@Service
public class Reviews {

    /** Ten reviews an hour per customer: more than any honest customer writes, few enough to slow a flood. */
    static final RateLimits.Limit POSTING = new RateLimits.Limit("review-post", 10, Duration.ofHours(1));
    static final int PAGE = 20;

    private final ReviewRows rows;
    private final Ratings ratings;
    private final VerifiedPurchases purchases;
    private final RateLimits limits;
    private final Stores stores;
    private final Clock clock;

    Reviews(ReviewRows rows, Ratings ratings, VerifiedPurchases purchases, RateLimits limits, Stores stores,
            Clock clock) {
        this.rows = rows;
        this.ratings = ratings;
        this.purchases = purchases;
        this.limits = limits;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * The customer reviews their order: within the rate limit, a used purchase (422 {@code review-not-allowed}
     * otherwise), once (409 {@code review-exists}: the unique key decides between simultaneous posts).
     */
    @Transactional
    public Review post(CustomerPrincipal customer, OrderId orderId, ReviewContent content) {
        limits.check(POSTING, customer.customerId().toString());
        var purchase = purchases.require(customer, orderId);
        var order = purchase.order();
        var review = Review.post(Ids.next(), order.merchantId(), purchase.store(), order.id(), customer.id(), content,
                clock.instant());
        if (!rows.insert(review)) throw Problem.conflict("review-exists", "this order has been reviewed already");
        ratings.add(review.merchantId(), review.storeId(), review.scores().sum());
        return review;
    }

    /** The customer's review of their own order, if they wrote one. */
    @Transactional(readOnly = true)
    public Optional<Review> ofOrder(CustomerPrincipal customer, OrderId orderId) {
        return rows.ofOrder(orderId).filter(r -> r.customerId().equals(customer.id()));
    }

    /** Whether the customer may review this order now (posting would be refused otherwise); 404 if not theirs. */
    @Transactional(readOnly = true)
    public boolean reviewable(CustomerPrincipal customer, OrderId orderId) {
        return purchases.check(customer, orderId).refusal() == null;
    }

    /** A listed store's shown reviews, newest first, twenty a page, with its rating. */
    @Transactional(readOnly = true)
    public StoreReviews ofStore(StoreId storeId, @Nullable String cursor) {
        stores.findListed(storeId.value()).orElseThrow(() -> Problem.notFound("store"));
        var found = rows.listed(storeId, TimeCursor.parse(cursor), PAGE + 1);
        var items = found.size() > PAGE ? found.subList(0, PAGE) : found;
        var next = found.size() > PAGE ? new TimeCursor(items.getLast().createdAt(), items.getLast().id()).toString()
                : null;
        return new StoreReviews(rating(storeId).orElse(null), new Page<>(items, next));
    }

    @Transactional(readOnly = true)
    public Optional<StoreRating> rating(StoreId storeId) {
        return Optional.ofNullable(ratings.of(List.of(storeId.value())).get(storeId.value()))
                .flatMap(Reviews::rating);
    }

    static Optional<StoreRating> rating(Ratings.Row row) {
        if (row.reviews() <= 0) return Optional.empty();
        var average = BigDecimal.valueOf(row.starsSum()).divide(BigDecimal.valueOf(3L * row.reviews()), 1,
                RoundingMode.HALF_UP);
        return Optional.of(new StoreRating(average, row.reviews()));
    }

    /** The merchant's reviews (of the stores this staff member works in), open flagged ones first. */
    @Transactional(readOnly = true)
    public Page<Review> inbox(StaffPrincipal staff, boolean flaggedOnly, boolean openOnly, @Nullable String cursor) {
        if (staff.merchantId() == null) throw Problem.forbidden("only a merchant's staff read its reviews");
        var filter = new InboxFilter(new MerchantId(staff.merchantId()), staff.storeIds(), flaggedOnly, openOnly);
        var found = rows.inbox(filter, InboxCursor.parse(cursor), PAGE + 1);
        var items = found.size() > PAGE ? found.subList(0, PAGE) : found;
        if (found.size() <= PAGE) return new Page<>(items, null);
        var last = items.getLast();
        return new Page<>(items, new InboxCursor(last.open(), last.createdAt(), last.id()).toString());
    }

    /** The merchant's one public reply; 409 {@code review-already-replied} after the first. */
    @Transactional
    public Review reply(StaffPrincipal staff, UUID reviewId, String text) {
        var review = ofMerchant(staff, reviewId);
        var reply = text.strip();
        review.requireReplyable(reply);
        if (!rows.reply(review.id(), reply, clock.instant())) throw alreadyReplied();
        return rows.find(reviewId).orElseThrow();
    }

    /** A flagged review is dealt with; 409 when it is not flagged or resolved already. */
    @Transactional
    public Review resolve(StaffPrincipal staff, UUID reviewId) {
        var review = ofMerchant(staff, reviewId);
        review.requireResolvable();
        if (!rows.resolve(review.id(), clock.instant())) {
            throw Problem.conflict("review-already-resolved", "this review is resolved already");
        }
        return rows.find(reviewId).orElseThrow();
    }

    /** The operator hides a review with a reason: it leaves the store's list and its rating, once. */
    @Transactional
    public Review hide(StaffPrincipal operator, UUID reviewId, String reason) {
        if (!operator.isOperator()) throw Problem.forbidden("only the operator hides reviews");
        var review = rows.find(reviewId).orElseThrow(() -> Problem.notFound("review"));
        var why = reason.strip();
        review.requireHideable(why);
        var hidden = rows.hide(review.id(), why, clock.instant())
                .orElseThrow(() -> Problem.conflict("review-already-hidden", "this review is hidden already"));
        ratings.remove(hidden.storeId(), hidden.starsSum());
        return rows.find(reviewId).orElseThrow();
    }

    /** One of the merchant's reviews, in a store this staff member works in; "not found" otherwise. */
    @Transactional(readOnly = true)
    public Review ofMerchant(StaffPrincipal staff, UUID reviewId) {
        return rows.find(reviewId).filter(r -> staff.canActIn(r.merchantId(), r.storeId()))
                .orElseThrow(() -> Problem.notFound("review"));
    }

    private static Problem alreadyReplied() {
        return Problem.conflict("review-already-replied", "this review has a reply already");
    }
}

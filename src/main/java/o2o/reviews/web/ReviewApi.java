package o2o.reviews.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.reviews.Reviews;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers review their used purchases; anybody reads a store's reviews. */
@RestController
@Tag(name = "Reviews")
class ReviewApi {

    private final Reviews reviews;

    ReviewApi(Reviews reviews) {
        this.reviews = reviews;
    }

    /**
     * Reviews the caller's order: 422 {@code review-not-allowed} until it was used (voucher redeemed, bill paid,
     * pick-up handed over, POS sale on their membership), 409 {@code review-exists} the second time, 404 for anybody
     * else's order.
     */
    @PostMapping("/api/v1/orders/{id}/review")
    @ResponseStatus(HttpStatus.CREATED)
    ReviewResponse post(CustomerPrincipal customer, @PathVariable UUID id, @RequestBody PostReview review) {
        return ReviewResponse.of(reviews.post(customer, new OrderId(id), review.content()));
    }

    /** A listed store's reviews, newest first, twenty a page, with its average and count; hidden ones left out. */
    @GetMapping("/api/v1/stores/{id}/reviews")
    StoreReviewsResponse ofStore(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor) {
        return StoreReviewsResponse.of(reviews.ofStore(new StoreId(id), cursor));
    }
}

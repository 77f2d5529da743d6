package o2o.reviews.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.reviews.Reviews;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator hides an abusive review: it leaves the store's list and average. */
@RestController
@Tag(name = "Operator: reviews")
class AdminReviewApi {

    private final Reviews reviews;

    AdminReviewApi(Reviews reviews) {
        this.reviews = reviews;
    }

    /** Hides the review with a reason; 409 {@code review-already-hidden} the second time. */
    @PostMapping("/api/v1/admin/reviews/{id}/hide")
    ReviewResponse hide(StaffPrincipal operator, @PathVariable UUID id, @RequestBody HideBody body) {
        return ReviewResponse.of(reviews.hide(operator, id, body.reason() == null ? "" : body.reason()));
    }
}

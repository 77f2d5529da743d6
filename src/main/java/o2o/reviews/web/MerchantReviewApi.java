package o2o.reviews.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.reviews.Reviews;
import o2o.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's review inbox: open flagged reviews first, the one public reply, resolving a flagged review. */
@RestController
@Tag(name = "Merchant: reviews")
class MerchantReviewApi {

    private final Reviews reviews;

    MerchantReviewApi(Reviews reviews) {
        this.reviews = reviews;
    }

    /** {@code flagged=true}: only flagged reviews; {@code unresolved=true}: only flagged ones not yet resolved. */
    @GetMapping("/api/v1/merchant/reviews")
    Page<ReviewResponse> inbox(StaffPrincipal staff, @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "false") boolean unresolved,
            @RequestParam(required = false) @Nullable String cursor) {
        var page = reviews.inbox(staff, flagged, unresolved, cursor);
        return new Page<>(page.items().stream().map(ReviewResponse::of).toList(), page.next());
    }

    /** The one public reply; 409 {@code review-already-replied} after it (a reply is not edited). */
    @PostMapping("/api/v1/merchant/reviews/{id}/reply")
    ReviewResponse reply(StaffPrincipal staff, @PathVariable UUID id, @RequestBody ReplyBody body) {
        return ReviewResponse.of(reviews.reply(staff, id, body.text() == null ? "" : body.text()));
    }

    /** Marks a flagged review dealt with; 409 when it is not flagged or resolved already. */
    @PostMapping("/api/v1/merchant/reviews/{id}/resolve")
    ReviewResponse resolve(StaffPrincipal staff, @PathVariable UUID id) {
        return ReviewResponse.of(reviews.resolve(staff, id));
    }
}

package o2o.reviews;

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
import org.jspecify.annotations.Nullable;

/**
 * A review of one order. Flagged (overall two stars or less) reviews owe a reply within {@link #REPLY_WITHIN} and may
 * be marked resolved; the merchant replies once, publicly, and the reply stands (no edits: what customers read under
 * a complaint does not change afterwards); the operator hides a review with a reason.
 */
public record Review(UUID id, MerchantId merchantId, StoreId storeId, OrderId orderId, CustomerId customerId,
        Scores scores, String text, List<String> photos, Instant createdAt, boolean flagged,
        @Nullable Instant replyDueAt, @Nullable String reply, @Nullable Instant repliedAt, @Nullable Instant resolvedAt,
        @Nullable Instant hiddenAt, @Nullable String hiddenReason) {

    public static final Duration REPLY_WITHIN = Duration.ofHours(24);

    public Review {
        photos = List.copyOf(photos);
    }

    /** A new review as posted now: flagged, with its reply deadline, when its scores are low. */
    static Review post(UUID id, MerchantId merchant, StoreId store, OrderId order, CustomerId customer,
            ReviewContent content, Instant now) {
        var flagged = content.scores().low();
        return new Review(id, merchant, store, order, customer, content.scores(), content.text(), content.photos(),
                now, flagged, flagged ? now.plus(REPLY_WITHIN) : null, null, null, null, null, null);
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    /** Flagged and not yet resolved: the inbox shows it first. */
    public boolean open() {
        return flagged && resolvedAt == null;
    }

    /** Whether the reply deadline of an open review has passed. */
    public boolean overdue(Instant now) {
        return open() && reply == null && replyDueAt != null && now.isAfter(replyDueAt);
    }

    /** The one public reply; a second is refused. */
    void requireReplyable(String text) {
        if (text.isBlank()) throw new InvalidInput("text", "must not be blank");
        ReviewContent.requireText("text", text);
        if (reply != null) throw Problem.conflict("review-already-replied", "this review has a reply already");
    }

    /** Only a flagged review is resolved, and once. */
    void requireResolvable() {
        if (!flagged) throw Problem.conflict("review-not-flagged", "only a flagged review is resolved");
        if (resolvedAt != null) throw Problem.conflict("review-already-resolved", "this review is resolved already");
    }

    void requireHideable(String reason) {
        if (reason.isBlank()) throw new InvalidInput("reason", "must not be blank");
        if (reason.length() > 200) throw new InvalidInput("reason", "at most 200 characters");
        if (hiddenAt != null) throw Problem.conflict("review-already-hidden", "this review is hidden already");
    }
}

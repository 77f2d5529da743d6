package o2o.reviews.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.reviews.Review;
import org.jspecify.annotations.Nullable;

/**
 * A review as the API shows it. {@code overall} is the mean of the three scores; {@code replyDueAt} is set on flagged
 * reviews; {@code hidden} and {@code hiddenReason} only ever show in the merchant's inbox and to the operator.
 */
record ReviewResponse(UUID id, UUID orderId, UUID storeId, int taste, int environment, int service,
        BigDecimal overall, String text, List<String> photos, Instant createdAt, boolean flagged,
        @Nullable Instant replyDueAt, @Nullable String reply, @Nullable Instant repliedAt, @Nullable Instant resolvedAt,
        boolean hidden, @Nullable String hiddenReason) {

    static ReviewResponse of(Review r) {
        return new ReviewResponse(r.id(), r.orderId().value(), r.storeId().value(), r.scores().taste().value(),
                r.scores().environment().value(), r.scores().service().value(), r.scores().overall(), r.text(),
                r.photos(), r.createdAt(), r.flagged(), r.replyDueAt(), r.reply(), r.repliedAt(), r.resolvedAt(),
                r.hidden(), r.hiddenReason());
    }
}

package o2o.outreach.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.outreach.MessagePlan;
import o2o.outreach.Offer;
import o2o.outreach.OutreachKind;
import o2o.outreach.OutreachPlan;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** How a campaign is to reach members, as sent to the API. */
@Schema(name = "OutreachRequest")
record OutreachRequest(
        @Schema(description = "TARGETED (default): a send to a segment; or a journey: WELCOME, WIN_BACK, BIRTHDAY, "
                + "POINTS_EXPIRING, REVIEW_REQUEST") @Nullable OutreachKind kind,
        @Schema(description = "the merchant's segment (TARGETED only)") @Nullable UUID segmentId,
        @Schema(description = "WIN_BACK: days without a visit; POINTS_EXPIRING: days before points expire (1-365)")
        @Nullable Integer triggerDays,
        @Nullable OfferRequest offer, @Nullable MessageRequest message,
        @Schema(description = "when a send goes (default: now); messages wait for the end of the quiet hours "
                + "21:00-09:00 China time") @Nullable Instant sendAt,
        @Schema(description = "the share of members held out and given nothing, 0-50, default 10")
        @Nullable Integer holdoutPercent) {

    record OfferRequest(@Schema(description = "NONE, COUPON, POINTS or STORED_VALUE") Offer.@Nullable Kind kind,
            @Nullable UUID couponTemplateId, @Nullable Long points, @Nullable Money amount) {}

    record MessageRequest(@Schema(description = "SMS and/or IN_APP") @Nullable Set<MessagePlan.Channel> channels,
            @Schema(description = "up to 200 characters; {name} is the member's name") @Nullable String text) {}

    OutreachPlan toPlan() {
        var offer = this.offer == null || this.offer.kind() == null ? Offer.none()
                : new Offer(this.offer.kind(), this.offer.couponTemplateId(), this.offer.points(),
                        this.offer.amount());
        var message = this.message == null ? MessagePlan.none()
                : new MessagePlan(this.message.channels() == null ? Set.of() : this.message.channels(),
                        this.message.text());
        return new OutreachPlan(kind == null ? OutreachKind.TARGETED : kind, segmentId, triggerDays, offer, message,
                sendAt, holdoutPercent);
    }
}

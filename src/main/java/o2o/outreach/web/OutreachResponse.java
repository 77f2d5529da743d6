package o2o.outreach.web;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.outreach.MessagePlan;
import o2o.outreach.Offer;
import o2o.outreach.OutreachKind;
import o2o.outreach.OutreachView;
import org.jspecify.annotations.Nullable;

/** A campaign's way of reaching members and how far it got: members per arm, messages per state. */
record OutreachResponse(UUID campaignId, OutreachKind kind, String status, @Nullable UUID segmentId,
        @Nullable Integer triggerDays, Offer offer, Set<MessagePlan.Channel> channels, @Nullable String text,
        int holdoutPercent, @Nullable Instant sendAt, @Nullable Instant sentAt, @Nullable Integer audienceSize,
        int treated, int heldOut, Map<String, Integer> messages) {

    static OutreachResponse of(OutreachView view) {
        var o = view.outreach();
        var messages = new java.util.LinkedHashMap<String, Integer>();
        view.messages().forEach((state, count) -> messages.put(state.name(), count));
        return new OutreachResponse(o.campaignId(), o.kind(), o.status().name(), o.segmentId(), o.triggerDays(),
                o.offer(), o.message().channels(), o.message().text(), o.holdout().percent(), o.sendAt(), o.sentAt(),
                o.audienceSize(), view.arms().get(o2o.outreach.persistence.AudienceRows.Arm.TREATED),
                view.arms().get(o2o.outreach.persistence.AudienceRows.Arm.HOLDOUT), messages);
    }
}

package o2o.outreach;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a merchant wants a campaign to reach members: a send to a segment ({@code TARGETED}, at {@code sendAt} or now)
 * or a journey of another kind, what treated members get and are told, and the share held out (default 10 %).
 */
public record OutreachPlan(OutreachKind kind, @Nullable UUID segmentId, @Nullable Integer triggerDays, Offer offer,
        MessagePlan message, @Nullable Instant sendAt, @Nullable Integer holdoutPercent) {

    Holdout holdout() {
        return new Holdout(holdoutPercent == null ? Holdout.DEFAULT_PERCENT : holdoutPercent);
    }
}

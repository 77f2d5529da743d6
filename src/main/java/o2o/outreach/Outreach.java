package o2o.outreach;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;

/**
 * How a campaign reaches members: a send to a segment (TARGETED) or a journey, what a treated member gets and is
 * told, the share held out, when a send goes, and where it stands. A send is SCHEDULED, then SENDING while its
 * audience is taken in, then SENT; a journey is ACTIVE or PAUSED.
 */
public record Outreach(UUID campaignId, UUID merchantId, OutreachKind kind, @Nullable UUID segmentId,
        @Nullable Integer triggerDays, Offer offer, MessagePlan message, Holdout holdout, @Nullable Instant sendAt,
        Status status, @Nullable Integer audienceSize, Instant createdAt, UUID createdBy, @Nullable Instant sentAt) {

    public static final int MAX_TRIGGER_DAYS = 365;

    public enum Status { SCHEDULED, SENDING, SENT, ACTIVE, PAUSED }

    public Outreach {
        if ((kind == OutreachKind.TARGETED) != (segmentId != null)) {
            throw new InvalidInput("segmentId", kind == OutreachKind.TARGETED ? "is required" : "only for a send");
        }
        if (kind.takesDays()) {
            if (triggerDays == null || triggerDays < 1 || triggerDays > MAX_TRIGGER_DAYS) {
                throw new InvalidInput("triggerDays", "1 to " + MAX_TRIGGER_DAYS);
            }
        } else {
            triggerDays = null;
        }
        if (kind == OutreachKind.TARGETED && offer.kind() == Offer.Kind.NONE && !message.sends()) {
            throw new InvalidInput("offer", "a send gives an offer or a message, or both",
                    "input.outreach.nothing-to-send");
        }
    }

    /** A send may be changed until it starts. */
    public void requireChangeable() {
        if (status != Status.SCHEDULED) throw alreadySent();
    }

    /** A send that has started no longer changes. */
    public static Problem alreadySent() {
        return Problem.conflict("outreach-already-sent", "this campaign has started sending and can no longer change");
    }

    public boolean isJourney() {
        return kind.isJourney();
    }

    /** The status a journey moves to when paused or resumed. */
    public Status journeyStatus(boolean active) {
        if (!isJourney()) throw Problem.conflict("outreach-not-a-journey", "only a journey is paused or resumed");
        return active ? Status.ACTIVE : Status.PAUSED;
    }
}

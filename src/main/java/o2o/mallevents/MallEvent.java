package o2o.mallevents;

import java.time.Instant;
import java.util.UUID;

import o2o.malls.MallId;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A mall's event: its terms, the seats taken, whether it still runs, and the campaign (with its tracking code) that
 * a check-in scans for the attendee.
 */
public record MallEvent(UUID id, MallId mallId, MerchantId merchantId, EventTerms terms, int taken,
        EventStatus status, UUID campaignId, String trackingCode, Instant createdAt, @Nullable Instant cancelledAt) {

    public int left() {
        return Math.max(0, terms.capacity() - taken);
    }

    /** True while one may still sign up: scheduled and before the deadline. */
    public boolean openAt(Instant now) {
        return status == EventStatus.SCHEDULED && now.isBefore(terms.signUpDeadline());
    }

    /** 409 {@code mall-event-closed} when the event takes no more sign-ups (cancelled, or past its deadline). */
    void requireOpen(Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw new Problem(HttpStatus.CONFLICT, "mall-event-cancelled", "the mall cancelled this event");
        }
        if (!openAt(now)) {
            throw new Problem(HttpStatus.CONFLICT, "mall-event-closed", "sign-up closed at " + terms.signUpDeadline(),
                    terms.signUpDeadline().toString());
        }
    }

    /** 409 {@code mall-event-started} from the event's start on: a seat can no longer be given back. */
    void requireNotStarted(Instant now) {
        if (!now.isBefore(terms.startsAt())) {
            throw new Problem(HttpStatus.CONFLICT, "mall-event-started", "the event started at " + terms.startsAt(),
                    terms.startsAt().toString());
        }
    }

    /** 409 {@code mall-event-cancelled} once the mall cancelled it: it cannot be edited or checked in to. */
    void requireScheduled() {
        if (status == EventStatus.CANCELLED) {
            throw new Problem(HttpStatus.CONFLICT, "mall-event-cancelled", "the mall cancelled this event");
        }
    }
}

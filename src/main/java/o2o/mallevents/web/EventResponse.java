package o2o.mallevents.web;

import java.time.Instant;
import java.util.UUID;

import o2o.mallevents.EventStatus;
import o2o.mallevents.MallEvent;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** An event as the API shows it: its terms, seats taken and left, and whether it runs. */
record EventResponse(UUID id, UUID mallId, String title, String description, String place, Instant startsAt,
        Instant endsAt, Instant signUpDeadline, int capacity, int taken, int left, Money price, boolean free,
        EventStatus status, @Nullable Instant cancelledAt) {

    static EventResponse of(MallEvent e) {
        var t = e.terms();
        return new EventResponse(e.id(), e.mallId().value(), t.title(), t.description(), t.place(), t.startsAt(),
                t.endsAt(), t.signUpDeadline(), t.capacity(), e.taken(), e.left(), t.price(), t.free(), e.status(),
                e.cancelledAt());
    }
}

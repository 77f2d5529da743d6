package o2o.mallevents.web;

import java.time.Instant;

import o2o.mallevents.EventTerms;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** An event as the mall operator sends it; {@code price} zero (or absent) is a free event. */
record EventRequest(@Nullable String title, @Nullable String description, @Nullable String place,
        @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Integer capacity, @Nullable Money price,
        @Nullable Instant signUpDeadline) {

    EventTerms terms() {
        if (title == null) throw new InvalidInput("title", "is required", "input.required");
        if (place == null) throw new InvalidInput("place", "is required", "input.required");
        if (startsAt == null) throw new InvalidInput("startsAt", "is required", "input.required");
        if (endsAt == null) throw new InvalidInput("endsAt", "is required", "input.required");
        if (capacity == null) throw new InvalidInput("capacity", "is required", "input.required");
        return EventTerms.of(title, description, place, startsAt, endsAt, capacity,
                price == null ? Money.cny(0) : price, signUpDeadline);
    }
}

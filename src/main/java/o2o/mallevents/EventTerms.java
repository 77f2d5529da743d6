package o2o.mallevents;

import java.time.Instant;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An event as the mall operator describes it, checked: a title, what it is, where in the mall, when it starts and
 * ends, how many may come, the price of a seat (zero: free) and until when one may sign up (the start when not given).
 */
public record EventTerms(String title, String description, String place, Instant startsAt, Instant endsAt,
        int capacity, Money price, Instant signUpDeadline) {

    static final int MAX_TITLE = 60;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PLACE = 60;
    public static final int MAX_CAPACITY = 100_000;

    public EventTerms {
        title = title.strip();
        description = description.strip();
        place = place.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) throw new InvalidInput("title", "1 to " + MAX_TITLE + " characters");
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        if (place.isEmpty() || place.length() > MAX_PLACE) throw new InvalidInput("place", "1 to " + MAX_PLACE + " characters");
        if (!endsAt.isAfter(startsAt)) throw new InvalidInput("endsAt", "must be after startsAt");
        if (capacity < 1 || capacity > MAX_CAPACITY) throw new InvalidInput("capacity", "1 to " + MAX_CAPACITY);
        price.asPrice("price.minor");
        if (signUpDeadline.isAfter(startsAt)) throw new InvalidInput("signUpDeadline", "must not be after startsAt");
    }

    /** Terms with the deadline defaulting to the start. */
    public static EventTerms of(String title, @Nullable String description, String place, Instant startsAt,
            Instant endsAt, int capacity, Money price, @Nullable Instant signUpDeadline) {
        return new EventTerms(title, description == null ? "" : description, place, startsAt, endsAt, capacity,
                price, signUpDeadline == null ? startsAt : signUpDeadline);
    }

    public boolean free() {
        return price.isZero();
    }
}

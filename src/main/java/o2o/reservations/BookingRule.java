package o2o.reservations;

import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/** A booking rule a request breaks, with its problem type (422) and what it says. */
enum BookingRule {
    IN_PAST("reservation-in-past", "that time has passed"),
    TOO_FAR_AHEAD("reservation-too-far-ahead", "that date is too far ahead"),
    DAY_CLOSED("reservation-day-closed", "the store takes no bookings then"),
    NO_SUCH_SLOT("reservation-no-such-slot", "the store takes no bookings at that time"),
    PAST_CUTOFF("reservation-past-cutoff", "bookings for that time have closed"),
    PARTY_SIZE("reservation-party-size", "no table seats a party of that size");

    private final String slug;
    private final String detail;

    BookingRule(String slug, String detail) {
        this.slug = slug;
        this.detail = detail;
    }

    String slug() {
        return slug;
    }

    Problem broken(Object... args) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail, args);
    }
}

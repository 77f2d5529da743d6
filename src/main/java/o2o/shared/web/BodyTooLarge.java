package o2o.shared.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * Thrown by a request body's stream once more than the limit has been read: an {@link IOException}, so whatever
 * reads the body (a JSON parser, a CSV reader, the idempotency filter) stops there and the failure travels up to the
 * problem handling, which answers 413.
 */
final class BodyTooLarge extends IOException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    Problem problem() {
        return problem(limit);
    }

    static Problem problem(long limit) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "request body over " + human(limit),
                Map.of("maxBytes", limit), human(limit));
    }

    /** The body-too-large failure among an exception's causes, if any. */
    static Optional<BodyTooLarge> in(Throwable failure) {
        return Optional.ofNullable(InputProblems.outermost(failure, BodyTooLarge.class));
    }

    private static String human(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " B";
    }
}

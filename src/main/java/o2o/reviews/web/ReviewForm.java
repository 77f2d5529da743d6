package o2o.reviews.web;

import java.util.Arrays;
import java.util.List;

import o2o.reviews.ReviewContent;
import o2o.reviews.Scores;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The review form as posted: a star choice per score, the text, photo addresses one a line. */
record ReviewForm(@Nullable String taste, @Nullable String environment, @Nullable String service,
        @Nullable String text, @Nullable String photos) {

    static ReviewForm blank() {
        return new ReviewForm(null, null, null, "", "");
    }

    ReviewContent content() {
        var lines = photos == null ? List.<String>of()
                : Arrays.stream(photos.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new ReviewContent(Scores.of(stars("taste", taste), stars("environment", environment),
                stars("service", service)), text == null ? "" : text, lines);
    }

    /** Whether the form had this many stars for this score (the form drawn again keeps what was chosen). */
    public boolean checked(String score, Integer stars) {
        var value = switch (score) {
            case "taste" -> taste;
            case "environment" -> environment;
            default -> service;
        };
        return String.valueOf(stars).equals(value == null ? null : value.strip());
    }

    private static @Nullable Integer stars(String field, @Nullable String value) {
        if (value == null || value.isBlank()) throw new InvalidInput(field, "must be between 1 and 5");
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be between 1 and 5");
        }
    }
}

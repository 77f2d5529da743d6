package o2o.dining;

import java.util.regex.Pattern;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The optional tracking code on a table QR ({@code ?src=}): a campaign or poster, 1-32 of [A-Za-z0-9_-]. */
public final class TrackingCode {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private TrackingCode() {}

    /** The code, or null when none was given; a malformed one is a 400. */
    public static @Nullable String parse(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) return null;
        if (!VALID.matcher(raw).matches()) throw new InvalidInput("src", "1-32 letters, digits, '_' or '-'");
        return raw;
    }

    /** For a scan: a tampered code is dropped rather than turning the diner away. */
    public static @Nullable String lenient(@Nullable String raw) {
        return raw != null && VALID.matcher(raw).matches() ? raw : null;
    }
}

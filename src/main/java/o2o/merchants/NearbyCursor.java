package o2o.merchants;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Where the previous page of a nearby search ended: the index distance and id of its last store. */
record NearbyCursor(double key, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable NearbyCursor decode(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            var parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            return new NearbyCursor(Double.parseDouble(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInput("cursor", "not a cursor from this search");
        }
    }
}

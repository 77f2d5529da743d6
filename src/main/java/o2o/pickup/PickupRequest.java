package o2o.pickup;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What a customer orders ahead.
 *
 * @param pickupTime a time today in the store's time zone; null for as soon as possible
 * @param note for the kitchen (less spicy, no coriander), up to 140 characters
 */
public record PickupRequest(List<CartLine> lines, @Nullable LocalTime pickupTime, String note, @Nullable UUID couponId,
        long pointsToUse) {

    static final int MAX_LINES = 30;

    public PickupRequest {
        lines = List.copyOf(lines);
        note = note.strip();
        if (lines.isEmpty()) throw new InvalidInput("lines", "the cart is empty");
        if (lines.size() > MAX_LINES) throw new InvalidInput("lines", "at most " + MAX_LINES + " lines");
        if (note.length() > 140) throw new InvalidInput("note", "at most 140 characters");
        if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
    }
}

package o2o.dining;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A party at a table from opening to close.
 *
 * @param partySize how many sit there, when staff or a reservation said so (a scan does not know)
 * @param source what opened it: {@code scan}, {@code staff}, or the caller's word (e.g. {@code reservation})
 * @param trackingCode the tracking code of the scan that opened it, if any
 * @param diners the signed-in customers who joined it, in order
 */
public record TableSession(UUID id, UUID merchantId, UUID storeId, UUID tableId, @Nullable Integer partySize,
        String source, @Nullable String trackingCode, Instant openedAt, @Nullable Instant closedAt,
        List<UUID> diners) {

    public boolean open() {
        return closedAt == null;
    }

    /** A party seated by staff or a reservation: 1 to 99 of them, and a source word of 1 to 32 characters. */
    static void requireSeating(int partySize, String source) {
        if (partySize < 1 || partySize > 99) throw new InvalidInput("partySize", "between 1 and 99");
        if (source.isBlank() || source.length() > 32) throw new InvalidInput("source", "1-32 characters");
    }
}

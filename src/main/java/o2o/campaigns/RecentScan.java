package o2o.campaigns;

import java.time.Instant;
import java.util.UUID;

/** A customer's scan of a campaign's code, with the campaign's attribution window in days. */
public record RecentScan(UUID campaignId, UUID codeId, Instant scannedAt, int attributionDays) {

    /**
     * True when a fact at {@code at} falls within this scan's window: not before the scan, and at most the window's
     * days after it, the last moment included (as {@link Campaign#attributionEndsAfter} says).
     */
    public boolean covers(Instant at) {
        return !at.isBefore(scannedAt) && !at.isAfter(scannedAt.plus(java.time.Duration.ofDays(attributionDays)));
    }
}

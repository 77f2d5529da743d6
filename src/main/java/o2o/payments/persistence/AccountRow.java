package o2o.payments.persistence;

import java.time.Instant;
import java.util.UUID;

/** A merchant's account at a gateway as stored, without its sealed settings; what may be shown of it as JSON. */
public record AccountRow(UUID merchantId, String provider, String shownJson, boolean enabled, Instant updatedAt) {}

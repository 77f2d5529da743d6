package o2o.dining.persistence;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A scan as it is kept: the merchant, the session it opened or joined, and who scanned (when signed in). */
public record ScanRow(UUID merchantId, UUID sessionId, @Nullable UUID customerId) {}

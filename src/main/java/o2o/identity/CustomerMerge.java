package o2o.identity;

import java.time.Instant;
import java.util.UUID;

/** An operator's merge of one customer into another, as recorded. */
public record CustomerMerge(UUID sourceId, UUID targetId, UUID operatorId, Instant mergedAt) {}

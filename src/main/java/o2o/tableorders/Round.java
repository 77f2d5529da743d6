package o2o.tableorders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A batch of a table's orders sent to the kitchen at once; a session's rounds are numbered 1, 2, …. */
public record Round(UUID id, UUID sessionId, int number, String submittedBy, Instant submittedAt,
        List<RoundItem> items) {}

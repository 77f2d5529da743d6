package o2o.tableorders.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A line of a table's cart as it is kept: the dish and options asked for, not yet priced. */
public record CartLineRow(UUID id, UUID itemId, String name, List<UUID> optionIds, int quantity,
        @Nullable String note, String addedBy, @Nullable UUID customerId, Instant addedAt) {}

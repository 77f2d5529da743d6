package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A dish as a diner or a waiter asks for it: the item, its options, how many (1–99), and a note for the kitchen. */
public record LineRequest(@Nullable UUID itemId, @Nullable List<UUID> optionIds, @Nullable Integer quantity,
        @Nullable String note) {}

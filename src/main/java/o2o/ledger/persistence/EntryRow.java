package o2o.ledger.persistence;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A journal entry's row as stored. */
public record EntryRow(UUID id, String reference, String description, @Nullable UUID merchantId, Instant at) {}

package o2o.ledger.persistence;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A posting's row as stored: an amount into (+) or out of (−) an account, for an entry. */
public record PostingRow(UUID entryId, UUID accountId, long amount, @Nullable UUID merchantId, Instant at) {}

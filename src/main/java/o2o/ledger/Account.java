package o2o.ledger;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record Account(UUID id, AccountKey key, @Nullable UUID merchantId, boolean mayGoNegative, long balance) {}

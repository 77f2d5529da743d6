package o2o.ledger;

import java.util.UUID;

/** One line of an entry: an amount (in the account's unit, minor units for money) into (+) or out of (−) an account. */
public record Posting(UUID accountId, long amount) {}

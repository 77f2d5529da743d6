package o2o.ledger;

import java.util.List;
import java.util.UUID;

/** The journal recomputed: accounts whose balance differs from the sum of their postings, and unbalanced entries. */
public record Reconciliation(long accounts, long entries, long postings, List<Difference> differences,
        List<UUID> unbalancedEntries, long tookMillis) {

    public record Difference(UUID accountId, long balance, long journal) {}

    public boolean clean() {
        return differences.isEmpty() && unbalancedEntries.isEmpty();
    }
}

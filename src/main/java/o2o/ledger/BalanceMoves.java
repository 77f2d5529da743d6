package o2o.ledger;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What many postings do to each account, netted: one move per account, in account order, none of zero. */
final class BalanceMoves {

    private final TreeMap<UUID, Long> byAccount = new TreeMap<>();

    void add(Posting posting) {
        byAccount.merge(posting.accountId(), posting.amount(), Math::addExact);
    }

    Map<UUID, Long> nonZero() {
        var moves = new TreeMap<UUID, Long>();
        byAccount.forEach((account, amount) -> {
            if (amount != 0) moves.put(account, amount);
        });
        return moves;
    }
}

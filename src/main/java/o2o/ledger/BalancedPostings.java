package o2o.ledger;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import o2o.shared.InvalidInput;

/** The postings of one entry, checked: at least two, each moving something, one per account, summing to zero. */
record BalancedPostings(String reference, List<Posting> postings) {

    BalancedPostings {
        if (reference.isBlank() || reference.length() > 200) throw new InvalidInput("reference", "1 to 200 characters");
        if (postings.size() < 2) throw new InvalidInput("postings", "an entry moves value between two accounts or more");
        long sum = 0;
        var accounts = new HashSet<>();
        for (var posting : postings) {
            if (posting.amount() == 0) throw new InvalidInput("postings", "a posting moves something");
            if (!accounts.add(posting.accountId())) throw new InvalidInput("postings", "one posting per account");
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) throw new InvalidInput("postings", "an entry's postings must sum to zero");
        postings = List.copyOf(postings);
    }

    /** The order accounts are updated in, so concurrent entries lock them alike and never deadlock. */
    List<Posting> inAccountOrder() {
        return postings.stream().sorted(Comparator.comparing(Posting::accountId)).toList();
    }
}

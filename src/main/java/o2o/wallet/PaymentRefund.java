package o2o.wallet;

import java.util.ArrayList;
import java.util.List;

import o2o.ledger.Entry;
import o2o.ledger.Posting;

/** Part of a stored-value payment put back, to the accounts that paid it in the proportion they paid it. */
final class PaymentRefund {

    private PaymentRefund() {}

    /** The reversing postings; the last paying account takes the rounding, so they sum to {@code amount}. */
    static List<Posting> of(Entry payment, long amount) {
        long paid = payment.postings().stream().filter(p -> p.amount() > 0).mapToLong(Posting::amount).sum();
        var sales = payment.postings().stream().filter(p -> p.amount() > 0).findFirst().orElseThrow();
        var spent = payment.postings().stream().filter(p -> p.amount() < 0).toList();
        var postings = new ArrayList<Posting>();
        long back = 0;
        for (int i = 0; i < spent.size(); i++) {
            long share = i == spent.size() - 1 ? amount - back : -spent.get(i).amount() * amount / paid;
            if (share > 0) postings.add(new Posting(spent.get(i).accountId(), share));
            back += share;
        }
        postings.add(new Posting(sales.accountId(), -amount));
        return postings;
    }
}

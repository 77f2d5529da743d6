package o2o.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.ledger.Posting;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/** A payment from stored value split across the wallet: principal first, then bonus. */
record Spending(long fromPrincipal, long fromBonus) {

    /** The split of {@code amount}; 409 {@code insufficient-balance} when principal and bonus together fall short. */
    static Spending of(long principalBalance, long bonusBalance, long amount) {
        if (principalBalance + bonusBalance < amount) {
            throw new Problem(HttpStatus.CONFLICT, "insufficient-balance", "the stored value is not enough");
        }
        long fromPrincipal = Math.min(principalBalance, amount);
        return new Spending(fromPrincipal, amount - fromPrincipal);
    }

    /** Out of the member's principal and bonus (where they pay anything) into the merchant's stored-value sales. */
    List<Posting> postings(UUID principal, UUID bonus, UUID sales) {
        var postings = new ArrayList<Posting>();
        if (fromPrincipal > 0) postings.add(new Posting(principal, -fromPrincipal));
        if (fromBonus > 0) postings.add(new Posting(bonus, -fromBonus));
        postings.add(new Posting(sales, fromPrincipal + fromBonus));
        return postings;
    }
}

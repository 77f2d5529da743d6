package o2o.ledger;

import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/** The refusal of an entry that would take an account that may not go negative below zero. */
final class Overdraft {

    private Overdraft() {}

    static Problem of(Account account) {
        return new Problem(HttpStatus.CONFLICT, "insufficient-balance",
                "not enough " + account.key().unit() + " in " + account.key().kind());
    }

    static Problem ofBatch() {
        return new Problem(HttpStatus.CONFLICT, "insufficient-balance", "a batch would overdraw an account");
    }
}

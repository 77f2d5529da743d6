package o2o.wallet;

import static o2o.wallet.WalletAccount.STORED_VALUE_BONUS;
import static o2o.wallet.WalletAccount.STORED_VALUE_PRINCIPAL;

import java.util.Optional;
import java.util.UUID;

import o2o.ledger.Account;
import o2o.ledger.Entry;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.Money;
import org.springframework.stereotype.Component;

/** A wallet's accounts on the ledger, opened on first use, and what an entry moved on one of them. */
@Component
class WalletLedger {

    private final Ledger ledger;

    WalletLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    Account principal(UUID customerId, UUID merchantId) {
        return ledger.account(STORED_VALUE_PRINCIPAL.memberKey(customerId, merchantId), merchantId, false);
    }

    Account bonus(UUID customerId, UUID merchantId) {
        return ledger.account(STORED_VALUE_BONUS.memberKey(customerId, merchantId), merchantId, false);
    }

    Optional<Account> findPrincipal(UUID customerId, UUID merchantId) {
        return ledger.find(STORED_VALUE_PRINCIPAL.memberKey(customerId, merchantId));
    }

    Optional<Account> findBonus(UUID customerId, UUID merchantId) {
        return ledger.find(STORED_VALUE_BONUS.memberKey(customerId, merchantId));
    }

    Account merchant(WalletAccount kind, UUID merchantId) {
        return ledger.account(kind.merchantKey(merchantId), merchantId, true);
    }

    WalletBalance balance(UUID customerId, UUID merchantId) {
        return new WalletBalance(merchantId, Money.cny(principal(customerId, merchantId).balance()),
                Money.cny(bonus(customerId, merchantId).balance()));
    }

    static long amountOn(Entry entry, Account account) {
        return entry.postings().stream().filter(p -> p.accountId().equals(account.id())).mapToLong(Posting::amount)
                .sum();
    }
}

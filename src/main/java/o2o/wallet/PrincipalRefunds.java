package o2o.wallet;

import static o2o.wallet.WalletAccount.BONUS_ISSUED;
import static o2o.wallet.WalletAccount.TOP_UP_CASH;
import static o2o.wallet.WalletLedger.amountOn;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.wallet.StoredValue.PrincipalRefund;
import o2o.wallet.StoredValue.RefundRule;
import o2o.wallet.persistence.MerchantWalletRules;
import o2o.wallet.persistence.WalletRecords;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Principal paid back under the merchant's refund rule, once per key, with the bonus that came with it forfeited. */
@Component
class PrincipalRefunds {

    private final Ledger ledger;
    private final WalletLedger accounts;
    private final WalletRecords records;
    private final MerchantWalletRules rules;
    private final Clock clock;

    PrincipalRefunds(Ledger ledger, WalletLedger accounts, WalletRecords records, MerchantWalletRules rules,
            Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.records = records;
        this.rules = rules;
        this.clock = clock;
    }

    /** A merchant's refund rule; without one, principal is not refundable. */
    RefundRule rule(UUID merchantId) {
        return rules.refundRule(merchantId).map(r -> new RefundRule(r.principalRefundable(), r.withinDays()))
                .orElse(new RefundRule(false, 30));
    }

    PrincipalRefund refund(UUID merchantId, UUID customerId, String key) {
        var reference = "wallet-refund:" + merchantId + ":" + key;
        records.lock(customerId, merchantId);
        var principal = accounts.principal(customerId, merchantId);
        var bonus = accounts.bonus(customerId, merchantId);
        var earlier = ledger.entry(reference);
        if (earlier.isPresent()) {
            return new PrincipalRefund(reference, Money.cny(-amountOn(earlier.get(), principal)),
                    Money.cny(-amountOn(earlier.get(), bonus)), accounts.balance(customerId, merchantId), true);
        }
        var rule = rule(merchantId);
        if (!rule.principalRefundable()) {
            throw new Problem(HttpStatus.CONFLICT, "principal-not-refundable", "this merchant does not refund stored value");
        }
        var now = clock.instant();
        var window = records.since(merchantId, customerId, now.minus(Duration.ofDays(rule.withinDays())));
        var payback = PrincipalPayback.of(principal.balance(), bonus.balance(), window, rule.withinDays());
        var postings = new ArrayList<Posting>(List.of(new Posting(principal.id(), -payback.principal()),
                new Posting(accounts.merchant(TOP_UP_CASH, merchantId).id(), payback.principal())));
        if (payback.bonusForfeited() > 0) {
            postings.add(new Posting(bonus.id(), -payback.bonusForfeited()));
            postings.add(new Posting(accounts.merchant(BONUS_ISSUED, merchantId).id(), payback.bonusForfeited()));
        }
        ledger.post(reference, "储值退款（本金）", merchantId, postings);
        records.recordRefund(reference, merchantId, customerId, payback.principal(), payback.bonusForfeited(), now);
        return new PrincipalRefund(reference, Money.cny(payback.principal()), Money.cny(payback.bonusForfeited()),
                accounts.balance(customerId, merchantId), false);
    }
}

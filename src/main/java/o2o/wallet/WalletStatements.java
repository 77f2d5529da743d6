package o2o.wallet;

import static o2o.wallet.WalletAccount.STORED_VALUE_BONUS;
import static o2o.wallet.WalletAccount.STORED_VALUE_PRINCIPAL;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.ledger.Ledger;
import o2o.shared.Money;
import o2o.wallet.StoredValue.Line;
import org.springframework.stereotype.Component;

/** What a member's wallets hold and how they moved, read from their principal and bonus accounts. */
@Component
class WalletStatements {

    private final Ledger ledger;
    private final WalletLedger accounts;

    WalletStatements(Ledger ledger, WalletLedger accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /** Principal and bonus of one merchant's wallet, filled in as its accounts are read. */
    private record Held(long principal, long bonus) {

        Held with(WalletAccount kind, long balance) {
            return kind == STORED_VALUE_PRINCIPAL ? new Held(balance, bonus) : new Held(principal, balance);
        }
    }

    List<WalletBalance> wallets(UUID customerId) {
        var byMerchant = new LinkedHashMap<UUID, Held>();
        for (var kind : List.of(STORED_VALUE_PRINCIPAL, STORED_VALUE_BONUS)) {
            for (var account : ledger.accountsHeldBy(kind.name(), "customer:" + customerId)) {
                if (account.merchantId() == null) continue;
                byMerchant.merge(account.merchantId(), new Held(0, 0).with(kind, account.balance()),
                        (held, fresh) -> held.with(kind, account.balance()));
            }
        }
        return byMerchant.entrySet().stream()
                .map(e -> new WalletBalance(e.getKey(), Money.cny(e.getValue().principal()),
                        Money.cny(e.getValue().bonus())))
                .toList();
    }

    List<Line> history(UUID customerId, UUID merchantId, int limit) {
        var lines = new LinkedHashMap<String, Line>();
        accounts.findPrincipal(customerId, merchantId).ifPresent(a -> ledger.history(a.id(), limit)
                .forEach(l -> lines.merge(l.reference(), new Line(l.reference(), l.description(), l.amount(), 0,
                        l.at()), WalletStatements::merge)));
        accounts.findBonus(customerId, merchantId).ifPresent(a -> ledger.history(a.id(), limit)
                .forEach(l -> lines.merge(l.reference(), new Line(l.reference(), l.description(), 0, l.amount(),
                        l.at()), WalletStatements::merge)));
        return lines.values().stream().sorted(Comparator.comparing(Line::at).reversed()).limit(limit).toList();
    }

    private static Line merge(Line a, Line b) {
        return new Line(a.reference(), a.description(), a.principalMinor() + b.principalMinor(),
                a.bonusMinor() + b.bonusMinor(), a.at());
    }
}

package o2o.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.ledger.Account;
import o2o.ledger.AccountKey;
import o2o.ledger.Entry;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Every movement is a ledger entry: a top-up moves the cash taken at the counter into the member's
 * principal and the merchant's bonus into the member's bonus; a payment spends principal first, then bonus; a refund
 * puts back each in the proportion it was spent.
 */
@Service
public class StoredValue {

    private static final Set<Role> AT_THE_COUNTER = Set.of(Role.OWNER, Role.MANAGER, Role.CASHIER);

    private final Ledger ledger;
    private final JdbcClient jdbc;

    StoredValue(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Transactional
    public WalletBalance balance(UUID customerId, UUID merchantId) {
        return new WalletBalance(merchantId, Money.cny(principal(customerId, merchantId).balance()),
                Money.cny(bonus(customerId, merchantId).balance()));
    }

    /** The bonus rules of a merchant, by threshold; replaces the previous ones. */
    @Transactional
    public void setRules(StaffPrincipal staff, Map<Long, Long> bonusByThreshold) {
        if (staff.merchantId() == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        jdbc.sql("delete from top_up_rule where merchant_id = :m").param("m", staff.merchantId()).update();
        bonusByThreshold.forEach((pay, bonus) -> {
            if (pay <= 0 || bonus < 0) throw new InvalidInput("rules", "thresholds are positive, bonuses not negative");
            jdbc.sql("insert into top_up_rule (merchant_id, pay_minor, bonus_minor) values (:m, :p, :b)")
                    .param("m", staff.merchantId()).param("p", pay).param("b", bonus).update();
        });
    }

    /** The bonus a top-up of this size earns: the rule with the highest threshold it reaches. */
    @Transactional(readOnly = true)
    public Money bonusFor(UUID merchantId, Money paid) {
        return Money.cny(jdbc.sql("""
                        select coalesce(max(bonus_minor) filter (where pay_minor = (
                            select max(pay_minor) from top_up_rule where merchant_id = :m and pay_minor <= :paid)), 0)
                        from top_up_rule where merchant_id = :m
                        """)
                .param("m", merchantId).param("paid", paid.minor()).query(Long.class).single());
    }

    /** Cash or card taken at the counter becomes stored value, once per reference. */
    @Transactional
    public WalletBalance topUp(StaffPrincipal staff, UUID customerId, Money paid, String reference) {
        var merchantId = staff.merchantId();
        if (merchantId == null || !AT_THE_COUNTER.contains(staff.role())) {
            throw Problem.forbidden("top-ups are taken by cashiers, managers and owners");
        }
        if (paid.isZero()) throw new InvalidInput("amount", "must be more than zero");
        var bonus = bonusFor(merchantId, paid);
        var postings = new ArrayList<Posting>(List.of(
                new Posting(merchantAccount("TOP_UP_CASH", merchantId).id(), -paid.minor()),
                new Posting(principal(customerId, merchantId).id(), paid.minor())));
        if (!bonus.isZero()) {
            postings.add(new Posting(merchantAccount("BONUS_ISSUED", merchantId).id(), -bonus.minor()));
            postings.add(new Posting(bonus(customerId, merchantId).id(), bonus.minor()));
        }
        ledger.post("top-up:" + merchantId + ":" + reference, "储值充值", merchantId, postings);
        return balance(customerId, merchantId);
    }

    /** Pays from the balance, principal first; fails whole with 409 if the balance is short. */
    @Transactional
    public void pay(UUID customerId, UUID merchantId, Money amount, String reference) {
        var principal = principal(customerId, merchantId);
        var bonus = bonus(customerId, merchantId);
        if (principal.balance() + bonus.balance() < amount.minor()) {
            throw new Problem(HttpStatus.CONFLICT, "insufficient-balance", "the stored value is not enough");
        }
        long fromPrincipal = Math.min(principal.balance(), amount.minor());
        long fromBonus = amount.minor() - fromPrincipal;
        var postings = new ArrayList<Posting>();
        if (fromPrincipal > 0) postings.add(new Posting(principal.id(), -fromPrincipal));
        if (fromBonus > 0) postings.add(new Posting(bonus.id(), -fromBonus));
        postings.add(new Posting(merchantAccount("STORED_VALUE_SALES", merchantId).id(), amount.minor()));
        // the conditional updates in the ledger re-check each balance, so a concurrent payment cannot overdraw
        ledger.post(reference, "储值支付", merchantId, postings);
    }

    /** Puts back part of a payment, principal and bonus in the proportion they paid it. */
    @Transactional
    public void refund(String paymentReference, Money amount, String reference) {
        var payment = ledger.entry(paymentReference)
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "not-paid", "no such stored-value payment"));
        long paid = payment.postings().stream().filter(p -> p.amount() > 0).mapToLong(Posting::amount).sum();
        var sales = payment.postings().stream().filter(p -> p.amount() > 0).findFirst().orElseThrow();
        var postings = new ArrayList<Posting>();
        long back = 0;
        var spent = payment.postings().stream().filter(p -> p.amount() < 0).toList();
        for (int i = 0; i < spent.size(); i++) {
            long share = i == spent.size() - 1
                    ? amount.minor() - back
                    : -spent.get(i).amount() * amount.minor() / paid;
            if (share > 0) postings.add(new Posting(spent.get(i).accountId(), share));
            back += share;
        }
        postings.add(new Posting(sales.accountId(), -amount.minor()));
        ledger.post(reference, "储值退款", null, postings);
    }

    /**
     * A balance brought over from a merchant's previous system becomes the member's principal, once per reference,
     * posted from the merchant's IMPORTED_BALANCE account (which goes negative by what the merchant took over).
     */
    @Transactional
    public Entry importBalance(UUID merchantId, UUID customerId, Money balance, String reference) {
        if (balance.isZero()) throw new InvalidInput("balance", "must be more than zero");
        return ledger.post(reference, "导入储值余额", merchantId, List.of(
                new Posting(merchantAccount("IMPORTED_BALANCE", merchantId).id(), -balance.minor()),
                new Posting(principal(customerId, merchantId).id(), balance.minor())));
    }

    private Account principal(UUID customerId, UUID merchantId) {
        return ledger.account(new AccountKey("STORED_VALUE_PRINCIPAL", "customer:" + customerId,
                "merchant:" + merchantId, "CNY"), merchantId, false);
    }

    private Account bonus(UUID customerId, UUID merchantId) {
        return ledger.account(new AccountKey("STORED_VALUE_BONUS", "customer:" + customerId,
                "merchant:" + merchantId, "CNY"), merchantId, false);
    }

    /** The merchant's side of stored value; these may go negative (cash that came in, bonus given away). */
    private Account merchantAccount(String kind, UUID merchantId) {
        return ledger.account(new AccountKey(kind, "merchant:" + merchantId, "merchant:" + merchantId, "CNY"),
                merchantId, true);
    }

}

package o2o.wallet;

import static o2o.wallet.WalletAccount.BONUS_ISSUED;
import static o2o.wallet.WalletAccount.IMPORTED_BALANCE;
import static o2o.wallet.WalletAccount.STORED_VALUE_SALES;
import static o2o.wallet.WalletAccount.TOP_UP_CASH;
import static o2o.wallet.WalletLedger.amountOn;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.ledger.Entry;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.orders.OrderPaid;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.wallet.persistence.MerchantWalletRules;
import o2o.wallet.persistence.RefundRuleRow;
import o2o.wallet.persistence.WalletRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Every movement is a ledger entry: a top-up moves the money taken (at the counter or online) into
 * the member's principal and the merchant's bonus into the member's bonus; a payment spends principal first, then
 * bonus; a payment refund puts back each in the proportion it was spent; a principal refund pays out what is left of
 * the principal topped up within the merchant's refund window and forfeits the bonus that came with it.
 */
@Service
public class StoredValue {

    private static final Set<Role> AT_THE_COUNTER = Set.of(Role.OWNER, Role.MANAGER, Role.CASHIER);

    /** The merchant whose counter this staff member works at; kitchen, waiters and couriers handle no money. */
    public static UUID counterOf(StaffPrincipal staff) {
        if (staff.merchantId() == null || !AT_THE_COUNTER.contains(staff.role())) {
            throw Problem.forbidden("stored value is handled by cashiers, managers and owners");
        }
        return staff.merchantId();
    }

    /** The most one top-up may be: 50,000 yuan. */
    static final long MAX_TOP_UP_MINOR = 5_000_000;

    private final Ledger ledger;
    private final WalletLedger accounts;
    private final WalletStatements statements;
    private final PrincipalRefunds principalRefunds;
    private final MerchantWalletRules rules;
    private final WalletRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StoredValue(Ledger ledger, WalletLedger accounts, WalletStatements statements, PrincipalRefunds principalRefunds,
            MerchantWalletRules rules, WalletRecords records, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.ledger = ledger;
        this.accounts = accounts;
        this.statements = statements;
        this.principalRefunds = principalRefunds;
        this.rules = rules;
        this.records = records;
        this.clock = clock;
    }

    /** A bill paid from the balance at the counter: how much came from principal and from bonus. */
    public record Charge(String reference, Money amount, Money fromPrincipal, Money fromBonus, WalletBalance balance,
            boolean replayed) {}

    /** Principal paid back and the bonus that went with it. */
    public record PrincipalRefund(String reference, Money principal, Money bonusForfeited, WalletBalance balance,
            boolean replayed) {}

    /** Whether unused principal may be paid back, and within how many days of its top-up. */
    public record RefundRule(boolean principalRefundable, int withinDays) {}

    /** One movement of a wallet, principal and bonus apart, in minor units (negative: spent or paid out). */
    public record Line(String reference, String description, long principalMinor, long bonusMinor, Instant at) {}

    @Transactional
    public WalletBalance balance(CustomerId customer, MerchantId merchant) {
        return accounts.balance(customer.value(), merchant.value());
    }

    /** Every merchant where the member has (or had) stored value. */
    @Transactional(readOnly = true)
    public List<WalletBalance> wallets(UUID customerId) {
        return statements.wallets(customerId);
    }

    /** True when the member has ever had stored value at this merchant. */
    @Transactional(readOnly = true)
    public boolean hasWallet(CustomerId customer, MerchantId merchant) {
        return accounts.findPrincipal(customer.value(), merchant.value()).isPresent()
                || accounts.findBonus(customer.value(), merchant.value()).isPresent();
    }

    /** A wallet's movements, newest first. */
    @Transactional(readOnly = true)
    public List<Line> history(CustomerId customer, MerchantId merchant, int limit) {
        return statements.history(customer.value(), merchant.value(), limit);
    }

    /** The bonus rules of a merchant, by threshold; replaces the previous ones. */
    @Transactional
    public void setRules(StaffPrincipal staff, Map<Long, Long> bonusByThreshold) {
        if (staff.merchantId() == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        bonusByThreshold.forEach((pay, bonus) -> {
            if (pay <= 0 || bonus < 0) throw new InvalidInput("rules", "thresholds are positive, bonuses not negative");
        });
        rules.replaceBonusRules(staff.merchantId(), bonusByThreshold);
    }

    /** The bonus rules of a merchant: threshold to bonus, in minor units, smallest threshold first. */
    @Transactional(readOnly = true)
    public Map<Long, Long> rules(UUID merchantId) {
        return rules.bonusRules(merchantId);
    }

    /** Sets whether unused principal may be paid back and within how many days of its top-up. */
    @Transactional
    public RefundRule setRefundRule(StaffPrincipal staff, RefundRule rule) {
        if (staff.merchantId() == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        if (rule.withinDays() < 1 || rule.withinDays() > 3650) throw new InvalidInput("withinDays", "1 to 3650 days");
        rules.saveRefundRule(staff.merchantId(), new RefundRuleRow(rule.principalRefundable(), rule.withinDays()));
        return refundRule(staff.merchantId());
    }

    /** A merchant's refund rule; without one, principal is not refundable. */
    @Transactional(readOnly = true)
    public RefundRule refundRule(UUID merchantId) {
        return principalRefunds.rule(merchantId);
    }

    /** The bonus a top-up of this size earns: the rule with the highest threshold it reaches. */
    @Transactional(readOnly = true)
    public Money bonusFor(UUID merchantId, Money paid) {
        return Money.cny(rules.bonusFor(merchantId, paid.minor()));
    }

    /** Cash taken at the counter becomes stored value, once per reference. */
    @Transactional
    public WalletBalance topUp(StaffPrincipal staff, UUID customerId, Money paid, String reference) {
        return topUp(staff, customerId, paid, reference, "CASH");
    }

    /** Cash or card ({@code method} CASH or CARD) taken at the counter becomes stored value, once per reference. */
    @Transactional
    public WalletBalance topUp(StaffPrincipal staff, UUID customerId, Money paid, String reference, String method) {
        var description = TopUpMethod.of(method).description();
        var merchantId = counterOf(staff);
        checkTopUpAmount(paid);
        credit(customerId, merchantId, paid, "top-up:" + merchantId + ":" + reference, TopUpChannel.COUNTER,
                description);
        return accounts.balance(customerId, merchantId);
    }

    /** A paid TOP_UP order becomes principal plus bonus, once (reference {@code top-up:order:<id>}). */
    @Transactional
    public void creditTopUp(OrderPaid paid) {
        credit(paid.customerId().value(), paid.merchantId().value(), paid.total(), topUpReference(paid.orderId().value()),
                TopUpChannel.ONLINE,
                "在线储值充值");
    }

    /** True once a TOP_UP order has been credited to the wallet. */
    @Transactional(readOnly = true)
    public boolean credited(UUID orderId) {
        return ledger.entry(topUpReference(orderId)).isPresent();
    }

    /** Pays from the balance, principal first; fails whole with 409 if the balance is short. */
    @Transactional
    public void pay(CustomerId customerId, MerchantId merchantId, Money amount, String reference) {
        spend(customerId.value(), merchantId.value(), amount, reference, "储值支付");
    }

    /**
     * A bill charged to the balance at the counter, principal first, then bonus; 409 when the balance is short. The
     * till's Idempotency-Key names the charge: the same key again charges nothing more.
     */
    @Transactional
    public Charge charge(StaffPrincipal staff, UUID customerId, Money amount, String note, String key) {
        var merchantId = counterOf(staff);
        if (amount.isZero()) throw new InvalidInput("amount", "must be more than zero");
        if (note.length() > 100) throw new InvalidInput("note", "at most 100 characters");
        var entry = spend(customerId, merchantId, amount, "charge:" + merchantId + ":" + key,
                note.isBlank() ? "储值消费" : "储值消费：" + note.strip());
        long fromPrincipal = -amountOn(entry, accounts.principal(customerId, merchantId));
        long fromBonus = -amountOn(entry, accounts.bonus(customerId, merchantId));
        return new Charge(entry.reference(), Money.cny(fromPrincipal + fromBonus), Money.cny(fromPrincipal),
                Money.cny(fromBonus), accounts.balance(customerId, merchantId), entry.replayed());
    }

    /**
     * Pays back the member's remaining principal, as far as it was topped up within the merchant's refund window
     * (spending uses the oldest principal first), to the merchant's cash, and forfeits the bonus that came with
     * those top-ups in proportion. Bonus alone is never paid out.
     */
    @Transactional
    public PrincipalRefund refundPrincipal(StaffPrincipal staff, UUID customerId, String key) {
        var merchantId = staff.merchantId();
        if (merchantId == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        return principalRefunds.refund(merchantId, customerId, key);
    }

    /** Puts back part of a payment, principal and bonus in the proportion they paid it. */
    @Transactional
    public void refund(String paymentReference, Money amount, String reference) {
        var payment = ledger.entry(paymentReference)
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "not-paid", "no such stored-value payment"));
        ledger.post(reference, "储值退款", null, PaymentRefund.of(payment, amount.minor()));
    }

    /**
     * A balance brought over from a merchant's previous system becomes the member's principal, once per reference,
     * posted from the merchant's IMPORTED_BALANCE account (which goes negative by what the merchant took over).
     */
    @Transactional
    public Entry importBalance(MerchantId merchant, CustomerId customer, Money balance, String reference) {
        if (balance.isZero()) throw new InvalidInput("balance", "must be more than zero");
        var merchantId = merchant.value();
        return ledger.post(reference, "导入储值余额", merchantId, List.of(
                new Posting(accounts.merchant(IMPORTED_BALANCE, merchantId).id(), -balance.minor()),
                new Posting(accounts.principal(customer.value(), merchantId).id(), balance.minor())));
    }

    /**
     * A gift of stored value from the merchant (a campaign's reward): it lands in the member's bonus, which is spent
     * after the principal and never refunded as cash, posted from the merchant's BONUS_ISSUED account once per
     * reference; a reference given before changes nothing. Answers whether this call gave it.
     */
    @Transactional
    public boolean gift(MerchantId merchant, CustomerId customer, Money amount, String reference) {
        if (amount.isZero() || amount.minor() > MAX_TOP_UP_MINOR) {
            throw new InvalidInput("amount", "more than zero and at most " + Money.cny(MAX_TOP_UP_MINOR).decimal());
        }
        var merchantId = merchant.value();
        return !ledger.post(reference, "活动赠送储值", merchantId, List.of(
                new Posting(accounts.merchant(BONUS_ISSUED, merchantId).id(), -amount.minor()),
                new Posting(accounts.bonus(customer.value(), merchantId).id(), amount.minor()))).replayed();
    }

    /**
     * Spends principal first, then bonus. The wallet is locked while the split is decided, so concurrent payments
     * split correctly; the ledger's conditional updates would refuse an overdraft anyway. A reference posted before
     * is handed back as it was, whatever the balance is now.
     */
    private Entry spend(UUID customerId, UUID merchantId, Money amount, String reference, String description) {
        records.lock(customerId, merchantId);
        var earlier = ledger.entry(reference);
        if (earlier.isPresent()) return earlier.get().asReplay();
        var principal = accounts.principal(customerId, merchantId);
        var bonus = accounts.bonus(customerId, merchantId);
        var spending = Spending.of(principal.balance(), bonus.balance(), amount.minor());
        var entry = ledger.post(reference, description, merchantId, spending.postings(principal.id(), bonus.id(),
                accounts.merchant(STORED_VALUE_SALES, merchantId).id()));
        if (!entry.replayed()) {
            events.publishEvent(new StoredValueSpent(new MerchantId(merchantId), new CustomerId(customerId), amount,
                    clock.instant(), reference));
        }
        return entry;
    }

    private void credit(UUID customerId, UUID merchantId, Money paid, String reference, TopUpChannel channel,
            String description) {
        var bonus = bonusFor(merchantId, paid);
        var postings = new ArrayList<Posting>(List.of(
                new Posting(accounts.merchant(TOP_UP_CASH, merchantId).id(), -paid.minor()),
                new Posting(accounts.principal(customerId, merchantId).id(), paid.minor())));
        if (!bonus.isZero()) {
            postings.add(new Posting(accounts.merchant(BONUS_ISSUED, merchantId).id(), -bonus.minor()));
            postings.add(new Posting(accounts.bonus(customerId, merchantId).id(), bonus.minor()));
        }
        var entry = ledger.post(reference, description, merchantId, postings);
        if (entry.replayed()) return;
        var now = clock.instant();
        records.recordTopUp(reference, merchantId, customerId, channel, paid.minor(), bonus.minor(), now);
        events.publishEvent(new StoredValueSold(new MerchantId(merchantId), new CustomerId(customerId), paid, bonus,
                channel, now, reference));
    }

    static void checkTopUpAmount(Money amount) {
        if (amount.isZero() || amount.minor() > MAX_TOP_UP_MINOR) {
            throw new InvalidInput("amount", "more than zero and at most " + Money.cny(MAX_TOP_UP_MINOR).decimal());
        }
        if (!amount.currency().equals(Money.CNY)) throw new InvalidInput("amount", "stored value is in CNY");
    }

    static String topUpReference(UUID orderId) {
        return "top-up:order:" + orderId;
    }
}

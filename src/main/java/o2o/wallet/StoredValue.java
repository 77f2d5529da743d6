package o2o.wallet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import o2o.orders.OrderPaid;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    static final String PRINCIPAL = "STORED_VALUE_PRINCIPAL";
    static final String BONUS = "STORED_VALUE_BONUS";

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    StoredValue(Ledger ledger, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.jdbc = jdbc;
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
    public WalletBalance balance(UUID customerId, UUID merchantId) {
        return new WalletBalance(merchantId, Money.cny(principal(customerId, merchantId).balance()),
                Money.cny(bonus(customerId, merchantId).balance()));
    }

    /** Every merchant where the member has (or had) stored value. */
    @Transactional(readOnly = true)
    public List<WalletBalance> wallets(UUID customerId) {
        var byMerchant = new LinkedHashMap<UUID, long[]>();
        for (var kind : List.of(PRINCIPAL, BONUS)) {
            for (var account : ledger.accountsHeldBy(kind, "customer:" + customerId)) {
                if (account.merchantId() == null) continue;
                byMerchant.computeIfAbsent(account.merchantId(), m -> new long[2])[kind.equals(PRINCIPAL) ? 0 : 1] =
                        account.balance();
            }
        }
        return byMerchant.entrySet().stream()
                .map(e -> new WalletBalance(e.getKey(), Money.cny(e.getValue()[0]), Money.cny(e.getValue()[1])))
                .toList();
    }

    /** True when the member has ever had stored value at this merchant. */
    @Transactional(readOnly = true)
    public boolean hasWallet(UUID customerId, UUID merchantId) {
        return ledger.find(principalKey(customerId, merchantId)).isPresent()
                || ledger.find(bonusKey(customerId, merchantId)).isPresent();
    }

    /** A wallet's movements, newest first. */
    @Transactional(readOnly = true)
    public List<Line> history(UUID customerId, UUID merchantId, int limit) {
        var lines = new LinkedHashMap<String, Line>();
        var principal = ledger.find(principalKey(customerId, merchantId));
        var bonus = ledger.find(bonusKey(customerId, merchantId));
        principal.ifPresent(a -> ledger.history(a.id(), limit).forEach(l -> lines.merge(l.reference(),
                new Line(l.reference(), l.description(), l.amount(), 0, l.at()), StoredValue::merge)));
        bonus.ifPresent(a -> ledger.history(a.id(), limit).forEach(l -> lines.merge(l.reference(),
                new Line(l.reference(), l.description(), 0, l.amount(), l.at()), StoredValue::merge)));
        return lines.values().stream().sorted(Comparator.comparing(Line::at).reversed()).limit(limit).toList();
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

    /** The bonus rules of a merchant: threshold to bonus, in minor units, smallest threshold first. */
    @Transactional(readOnly = true)
    public Map<Long, Long> rules(UUID merchantId) {
        var rules = new LinkedHashMap<Long, Long>();
        jdbc.sql("select pay_minor, bonus_minor from top_up_rule where merchant_id = :m order by pay_minor")
                .param("m", merchantId)
                .query((rs, row) -> rules.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return rules;
    }

    /** Sets whether unused principal may be paid back and within how many days of its top-up. */
    @Transactional
    public RefundRule setRefundRule(StaffPrincipal staff, RefundRule rule) {
        if (staff.merchantId() == null || !staff.role().manages()) throw Problem.forbidden("only owners and managers");
        if (rule.withinDays() < 1 || rule.withinDays() > 3650) throw new InvalidInput("withinDays", "1 to 3650 days");
        jdbc.sql("""
                        insert into stored_value_refund_rule (merchant_id, principal_refundable, refund_within_days)
                        values (:m, :refundable, :days)
                        on conflict (merchant_id) do update set principal_refundable = excluded.principal_refundable,
                            refund_within_days = excluded.refund_within_days
                        """)
                .param("m", staff.merchantId()).param("refundable", rule.principalRefundable())
                .param("days", rule.withinDays()).update();
        return refundRule(staff.merchantId());
    }

    /** A merchant's refund rule; without one, principal is not refundable. */
    @Transactional(readOnly = true)
    public RefundRule refundRule(UUID merchantId) {
        return jdbc.sql("""
                        select principal_refundable, refund_within_days from stored_value_refund_rule
                        where merchant_id = :m
                        """)
                .param("m", merchantId)
                .query((rs, row) -> new RefundRule(rs.getBoolean(1), rs.getInt(2)))
                .optional()
                .orElse(new RefundRule(false, 30));
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

    /** Cash taken at the counter becomes stored value, once per reference. */
    @Transactional
    public WalletBalance topUp(StaffPrincipal staff, UUID customerId, Money paid, String reference) {
        return topUp(staff, customerId, paid, reference, "CASH");
    }

    /** Cash or card ({@code method} CASH or CARD) taken at the counter becomes stored value, once per reference. */
    @Transactional
    public WalletBalance topUp(StaffPrincipal staff, UUID customerId, Money paid, String reference, String method) {
        var description = switch (method) {
            case "CASH" -> "储值充值（现金）";
            case "CARD" -> "储值充值（刷卡）";
            default -> throw new InvalidInput("method", "CASH or CARD");
        };
        var merchantId = counterOf(staff);
        checkTopUpAmount(paid);
        credit(customerId, merchantId, paid, "top-up:" + merchantId + ":" + reference, "COUNTER", description);
        return balance(customerId, merchantId);
    }

    /** A paid TOP_UP order becomes principal plus bonus, once (reference {@code top-up:order:<id>}). */
    @Transactional
    public void creditTopUp(OrderPaid paid) {
        credit(paid.customerId().value(), paid.merchantId().value(), paid.total(), topUpReference(paid.orderId().value()), "ONLINE",
                "在线储值充值");
    }

    /** True once a TOP_UP order has been credited to the wallet. */
    @Transactional(readOnly = true)
    public boolean credited(UUID orderId) {
        return ledger.entry(topUpReference(orderId)).isPresent();
    }

    /** Pays from the balance, principal first; fails whole with 409 if the balance is short. */
    @Transactional
    public void pay(UUID customerId, UUID merchantId, Money amount, String reference) {
        spend(customerId, merchantId, amount, reference, "储值支付");
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
        long fromPrincipal = -amountOn(entry, principal(customerId, merchantId));
        long fromBonus = -amountOn(entry, bonus(customerId, merchantId));
        return new Charge(entry.reference(), Money.cny(fromPrincipal + fromBonus), Money.cny(fromPrincipal),
                Money.cny(fromBonus), balance(customerId, merchantId), entry.replayed());
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
        var reference = "wallet-refund:" + merchantId + ":" + key;
        lock(customerId, merchantId);
        var principal = principal(customerId, merchantId);
        var bonus = bonus(customerId, merchantId);
        var earlier = ledger.entry(reference);
        if (earlier.isPresent()) {
            return new PrincipalRefund(reference, Money.cny(-amountOn(earlier.get(), principal)),
                    Money.cny(-amountOn(earlier.get(), bonus)), balance(customerId, merchantId), true);
        }
        var rule = refundRule(merchantId);
        if (!rule.principalRefundable()) {
            throw new Problem(HttpStatus.CONFLICT, "principal-not-refundable", "this merchant does not refund stored value");
        }
        var since = clock.instant().minus(Duration.ofDays(rule.withinDays()));
        var window = jdbc.sql("""
                        select coalesce(sum(principal_minor), 0), coalesce(sum(bonus_minor), 0) from stored_value_top_up
                        where merchant_id = :m and customer_id = :c and created_at >= :since
                        """)
                .param("m", merchantId).param("c", customerId).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long refundedInWindow = jdbc.sql("""
                        select coalesce(sum(principal_minor), 0) from stored_value_refund
                        where merchant_id = :m and customer_id = :c and created_at >= :since
                        """)
                .param("m", merchantId).param("c", customerId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
        long refund = Math.min(principal.balance(), window[0] - refundedInWindow);
        if (refund <= 0) {
            throw new Problem(HttpStatus.CONFLICT, "nothing-to-refund",
                    "no principal topped up within the last " + rule.withinDays() + " days is left");
        }
        long forfeit = Math.min(bonus.balance(), refund * window[1] / window[0]);
        var postings = new ArrayList<Posting>(List.of(new Posting(principal.id(), -refund),
                new Posting(merchantAccount("TOP_UP_CASH", merchantId).id(), refund)));
        if (forfeit > 0) {
            postings.add(new Posting(bonus.id(), -forfeit));
            postings.add(new Posting(merchantAccount("BONUS_ISSUED", merchantId).id(), forfeit));
        }
        ledger.post(reference, "储值退款（本金）", merchantId, postings);
        jdbc.sql("""
                        insert into stored_value_refund (reference, merchant_id, customer_id, principal_minor,
                                                         bonus_forfeited_minor, created_at)
                        values (:ref, :m, :c, :principal, :bonus, :now)
                        """)
                .param("ref", reference).param("m", merchantId).param("c", customerId).param("principal", refund)
                .param("bonus", forfeit).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return new PrincipalRefund(reference, Money.cny(refund), Money.cny(forfeit), balance(customerId, merchantId),
                false);
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

    /**
     * Spends principal first, then bonus. The wallet is locked while the split is decided, so concurrent payments
     * split correctly; the ledger's conditional updates would refuse an overdraft anyway. A reference posted before
     * is handed back as it was, whatever the balance is now.
     */
    private Entry spend(UUID customerId, UUID merchantId, Money amount, String reference, String description) {
        lock(customerId, merchantId);
        var earlier = ledger.entry(reference);
        if (earlier.isPresent()) {
            var e = earlier.get();
            return new Entry(e.id(), e.reference(), e.description(), e.createdAt(), e.postings(), true);
        }
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
        return ledger.post(reference, description, merchantId, postings);
    }

    private void credit(UUID customerId, UUID merchantId, Money paid, String reference, String channel,
            String description) {
        var bonus = bonusFor(merchantId, paid);
        var postings = new ArrayList<Posting>(List.of(
                new Posting(merchantAccount("TOP_UP_CASH", merchantId).id(), -paid.minor()),
                new Posting(principal(customerId, merchantId).id(), paid.minor())));
        if (!bonus.isZero()) {
            postings.add(new Posting(merchantAccount("BONUS_ISSUED", merchantId).id(), -bonus.minor()));
            postings.add(new Posting(bonus(customerId, merchantId).id(), bonus.minor()));
        }
        var entry = ledger.post(reference, description, merchantId, postings);
        if (entry.replayed()) return;
        jdbc.sql("""
                        insert into stored_value_top_up (reference, merchant_id, customer_id, channel, principal_minor,
                                                         bonus_minor, created_at)
                        values (:ref, :m, :c, :channel, :principal, :bonus, :now) on conflict do nothing
                        """)
                .param("ref", reference).param("m", merchantId).param("c", customerId).param("channel", channel)
                .param("principal", paid.minor()).param("bonus", bonus.minor())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    static void checkTopUpAmount(Money amount) {
        if (amount.isZero() || amount.minor() > MAX_TOP_UP_MINOR) {
            throw new InvalidInput("amount", "more than zero and at most " + Money.cny(MAX_TOP_UP_MINOR).decimal());
        }
        if (!amount.currency().equals(Money.CNY)) throw new InvalidInput("amount", "stored value is in CNY");
    }

    /** One wallet at a time: payments, charges and refunds of the same member at the same merchant queue here. */
    private void lock(UUID customerId, UUID merchantId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "wallet:" + customerId + ":" + merchantId)
                .query(Integer.class).single();
    }

    static String topUpReference(UUID orderId) {
        return "top-up:order:" + orderId;
    }

    private static long amountOn(Entry entry, Account account) {
        return entry.postings().stream().filter(p -> p.accountId().equals(account.id())).mapToLong(Posting::amount)
                .sum();
    }

    private static Line merge(Line a, Line b) {
        return new Line(a.reference(), a.description(), a.principalMinor() + b.principalMinor(),
                a.bonusMinor() + b.bonusMinor(), a.at());
    }

    private Account principal(UUID customerId, UUID merchantId) {
        return ledger.account(principalKey(customerId, merchantId), merchantId, false);
    }

    private Account bonus(UUID customerId, UUID merchantId) {
        return ledger.account(bonusKey(customerId, merchantId), merchantId, false);
    }

    private static AccountKey principalKey(UUID customerId, UUID merchantId) {
        return new AccountKey(PRINCIPAL, "customer:" + customerId, "merchant:" + merchantId, "CNY");
    }

    private static AccountKey bonusKey(UUID customerId, UUID merchantId) {
        return new AccountKey(BONUS, "customer:" + customerId, "merchant:" + merchantId, "CNY");
    }

    /** The merchant's side of stored value; these may go negative (cash that came in, bonus given away). */
    private Account merchantAccount(String kind, UUID merchantId) {
        return ledger.account(new AccountKey(kind, "merchant:" + merchantId, "merchant:" + merchantId, "CNY"),
                merchantId, true);
    }
}

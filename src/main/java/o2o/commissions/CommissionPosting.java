package o2o.commissions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import o2o.commissions.persistence.ChargeRows;
import o2o.commissions.persistence.PendingCommissions;
import o2o.commissions.persistence.PendingCommissions.Fact;
import o2o.commissions.persistence.RateRows;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.malls.Malls;
import o2o.merchants.Merchant;
import o2o.merchants.Merchants;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import org.springframework.stereotype.Component;

/**
 * Charges and reverses a batch of facts, in the drain's transaction: the facts not counted before, the paid orders
 * first (rates read afresh; each merchant's category asked of merchants, and the categories it rents under in malls
 * asked of malls, once per batch and only when a category has a rate of that kind),
 * then the refunds in the order they happened; the charges and reversals are written in batches and posted on the
 * ledger with one entry each, references {@code commission:<order>:<taker>} and
 * {@code commission:<order>:<taker>:refund:<reference>}. A merchant's {@code COMMISSION_DUE} towards a taker goes up
 * by a charge and down by a reversal; the taker's {@code COMMISSION_EARNED} moves the other way.
 */
@Component
class CommissionPosting {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DUE = "COMMISSION_DUE";
    static final String EARNED = "COMMISSION_EARNED";
    static final String CNY = "CNY";

    private final PendingCommissions pending;
    private final RateRows rates;
    private final ChargeRows charges;
    private final Merchants merchants;
    private final Malls malls;
    private final Ledger ledger;

    CommissionPosting(PendingCommissions pending, RateRows rates, ChargeRows charges, Merchants merchants, Malls malls,
            Ledger ledger) {
        this.pending = pending;
        this.rates = rates;
        this.charges = charges;
        this.merchants = merchants;
        this.malls = malls;
        this.ledger = ledger;
    }

    /** A ledger entry to make: of a merchant towards a taker, {@code amount} more (charge) or less (reversal) due. */
    private record Move(String reference, String description, MerchantId merchant, Taker taker, long amount,
            java.time.Instant at) {}

    void apply(List<Fact> facts) {
        var fresh = o2o.shared.PendingDrain.firstTimes(facts, Fact::kind, Fact::key, pending::recordFirst);
        var moves = new ArrayList<Move>();
        charge(fresh.stream().filter(f -> f.kind().equals("PAID")).toList(), moves);
        reverse(fresh.stream().filter(f -> f.kind().equals("REFUND")).toList(), moves);
        post(moves);
    }

    private void charge(List<Fact> paid, List<Move> moves) {
        if (paid.isEmpty()) return;
        var card = new RateCard(rates.all().stream().map(CommissionRates::rate).toList());
        Map<UUID, Merchant> known = card.hasPlatformCategoryRates()
                ? merchants.findAll(paid.stream().map(Fact::merchantId).distinct().toList()) : Map.of();
        Map<MerchantId, Map<MerchantId, String>> tenancies = card.hasTenantCategoryRates()
                ? malls.tenantCategories(paid.stream().map(f -> new MerchantId(f.merchantId())).toList()) : Map.of();
        var rows = new ArrayList<ChargeRows.Row>();
        for (var fact : paid) {
            var merchant = new MerchantId(fact.merchantId());
            var found = known.get(fact.merchantId());
            var day = LocalDate.ofInstant(fact.at(), ZONE);
            card.ratesFor(merchant, found == null ? null : found.category(),
                    tenancies.getOrDefault(merchant, Map.of()), day).forEach((taker, bps) ->
                    Charge.of(new OrderId(fact.orderId()), taker, merchant, fact.amountMinor(), bps, fact.at())
                            .ifPresent(c -> {
                                rows.add(row(c));
                                moves.add(new Move("commission:" + fact.orderId() + ":" + taker.key(),
                                        "佣金 " + bps + "bp", merchant, taker, c.commission(), fact.at()));
                            }));
        }
        charges.insertAll(rows);
    }

    private void reverse(List<Fact> refunds, List<Move> moves) {
        if (refunds.isEmpty()) return;
        var read = new LinkedHashMap<String, ChargeRows.Row>();
        var now = new HashMap<String, Charge>();
        var byOrder = new HashMap<UUID, List<String>>();
        for (var row : charges.ofOrders(refunds.stream().map(Fact::orderId).distinct().toList())) {
            var key = row.orderId() + ":" + row.taker();
            read.put(key, row);
            now.put(key, charge(row));
            byOrder.computeIfAbsent(row.orderId(), o -> new ArrayList<>()).add(key);
        }
        var reversals = new ArrayList<ChargeRows.Reversal>();
        for (var fact : refunds) {
            for (var key : byOrder.getOrDefault(fact.orderId(), List.of())) {
                var refund = now.get(key).refund(fact.amountMinor());
                now.put(key, refund.after());
                if (refund.reversal() == 0) continue;
                var c = refund.after();
                reversals.add(new ChargeRows.Reversal(fact.orderId(), c.taker().key(), fact.reference(),
                        c.taker().merchantId(), c.merchant().value(), refund.reversal(), fact.at()));
                moves.add(new Move("commission:" + fact.orderId() + ":" + c.taker().key() + ":refund:"
                        + shortened(fact.reference()), "佣金退回", c.merchant(), c.taker(), -refund.reversal(),
                        fact.at()));
            }
        }
        read.forEach((key, before) -> {
            var after = now.get(key);
            if (after.refunded() == before.refunded() && after.reversed() == before.reversed()) return;
            if (!charges.refund(before, after.refunded(), after.reversed())) {
                throw new IllegalStateException("commission charge " + key + " changed while being reversed");
            }
        });
        charges.insertReversals(reversals);
    }

    /** One entry per move; the accounts opened per taker in one statement for all the batch's merchants. */
    private void post(List<Move> moves) {
        if (moves.isEmpty()) return;
        var merchantsByTaker = new LinkedHashMap<Taker, TreeSet<String>>();
        for (var move : moves) {
            merchantsByTaker.computeIfAbsent(move.taker(), t -> new TreeSet<>())
                    .add("merchant:" + move.merchant().value());
        }
        var due = new HashMap<Taker, Map<String, UUID>>();
        var earned = new HashMap<Taker, UUID>();
        merchantsByTaker.forEach((taker, holders) -> {
            due.put(taker, ledger.accounts(DUE, "taker:" + taker.key(), CNY, holders, null, false));
            earned.put(taker, ledger.account(new AccountKey(EARNED, taker.holder(), "commission", CNY),
                    taker.merchantId(), true).id());
        });
        var entries = new ArrayList<Ledger.NewEntry>(moves.size());
        for (var move : moves) {
            var dueAccount = due.get(move.taker()).get("merchant:" + move.merchant().value());
            entries.add(new Ledger.NewEntry(move.reference(), move.description(), move.merchant().value(), move.at(),
                    List.of(new Posting(dueAccount, move.amount()),
                            new Posting(earned.get(move.taker()), -move.amount()))));
        }
        ledger.postAll(entries);
    }

    /** A refund's reference as part of a ledger reference (at most 200 characters in all). */
    private static String shortened(String reference) {
        return reference.length() <= 100 ? reference
                : UUID.nameUUIDFromBytes(reference.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static ChargeRows.Row row(Charge c) {
        return new ChargeRows.Row(c.order().value(), c.taker().key(), c.taker().merchantId(), c.merchant().value(),
                c.orderTotal(), c.rateBps(), c.commission(), c.refunded(), c.reversed(), c.chargedAt());
    }

    private static Charge charge(ChargeRows.Row r) {
        return new Charge(new OrderId(r.orderId()), Taker.ofKey(r.taker()), new MerchantId(r.merchantId()),
                r.orderTotal(), r.rateBps(), r.commission(), r.refunded(), r.reversed(), r.chargedAt());
    }
}

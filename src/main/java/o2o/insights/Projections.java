package o2o.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import o2o.insights.persistence.AppliedFacts;
import o2o.insights.persistence.PendingRollups.PendingFact;
import o2o.insights.persistence.Rollups;
import o2o.shared.CustomerId;
import o2o.shared.OrderId;
import o2o.shared.PendingDrain;
import org.springframework.stereotype.Component;

/**
 * Adds a batch of facts to the rollups, each once: the facts are recorded in {@code insights_applied_fact} in the
 * same transaction, and only those recorded now add anything (a fact heard twice, or imported and heard, counts
 * once). The batch is added up in memory first ({@link RollupBatch}), so a thousand facts cost a few statements.
 */
@Component
class Projections {

    /** A paid order, keyed by its id: also what {@link InsightsImport} records for a past sale. */
    static final String PAID = "paid";
    /** Part of a paid order went back, keyed by the order and the refund's reference. */
    static final String REFUND = "refund";
    static final String REDEMPTION = "redemption";
    /** A redemption undone, keyed by the redemption. */
    static final String REDEMPTION_REVERSED = "redemption-reversed";
    /** A customer joined a merchant's membership, keyed by both. */
    static final String MEMBER = "member";
    static final String STORED_VALUE_SOLD = "stored-value-sold";
    static final String STORED_VALUE_SPENT = "stored-value-spent";
    static final String POINTS_EARNED = "points-earned";
    static final String POINTS_SPENT = "points-spent";

    private final AppliedFacts applied;
    private final Rollups rollups;
    private final CustomerNumbering numbering;
    private final Sales sales;

    Projections(AppliedFacts applied, Rollups rollups, CustomerNumbering numbering, Sales sales) {
        this.applied = applied;
        this.rollups = rollups;
        this.numbering = numbering;
        this.sales = sales;
    }

    /** In the caller's transaction, which holds the rollups' lock. */
    void apply(List<PendingFact> facts) {
        var fresh = PendingDrain.firstTimes(facts, PendingFact::kind, PendingFact::factId, applied::firstTimeAll);
        if (fresh.isEmpty()) return;
        var orderIds = new HashSet<OrderId>();
        for (var fact : fresh) {
            if (fact.orderId() != null && (fact.kind().equals(PAID) || fact.kind().equals(REFUND))) {
                orderIds.add(new OrderId(fact.orderId()));
            }
        }
        var orders = sales.orders(orderIds);
        var batch = new RollupBatch();
        for (var fact : fresh) {
            var merchant = fact.merchantId();
            var day = dayOf(fact.at());
            switch (fact.kind()) {
                case PAID -> {
                    var order = orders.get(new OrderId(fact.orderId()));
                    if (order != null) batch.sale(sales.sale(order, fact.amount(), fact.at(),
                            fact.customerId() == null ? null : new CustomerId(fact.customerId())));
                }
                case REFUND -> {
                    var order = orders.get(new OrderId(fact.orderId()));
                    if (order != null) batch.refund(merchant, day, order.storeId() == null ? Rollups.NO_STORE
                            : order.storeId().value(), sales.channel(order), sales.city(order), fact.amount());
                }
                case REDEMPTION -> batch.redemptions(merchant, day, fact.storeId(), 1);
                case REDEMPTION_REVERSED -> batch.redemptions(merchant, day, fact.storeId(), -1);
                case MEMBER -> batch.member(merchant, day);
                case STORED_VALUE_SOLD -> batch.storedValue(merchant, day, fact.amount(), 0);
                case STORED_VALUE_SPENT -> batch.storedValue(merchant, day, 0, fact.amount());
                case POINTS_EARNED -> batch.points(merchant, day, fact.amount(), 0);
                case POINTS_SPENT -> batch.points(merchant, day, 0, fact.amount());
                default -> throw new IllegalStateException("no rollup counts a fact of kind " + fact.kind());
            }
        }
        batch.writeTo(rollups, numbering);
    }

    void merchantApproved(o2o.shared.MerchantId merchantId, String name) {
        rollups.nameMerchant(merchantId.value(), name);
    }

    static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, Period.ZONE);
    }
}

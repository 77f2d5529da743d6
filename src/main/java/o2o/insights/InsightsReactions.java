package o2o.insights;

import java.util.UUID;

import o2o.insights.persistence.PendingRollups;
import o2o.insights.persistence.PendingRollups.PendingFact;
import o2o.loyalty.MemberJoined;
import o2o.loyalty.PointsEarned;
import o2o.loyalty.PointsSpent;
import o2o.merchants.MerchantApproved;
import o2o.merchants.Merchants;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.orders.WalkInOrderPaid;
import o2o.vouchers.RedemptionReversed;
import o2o.vouchers.VoucherRedeemed;
import o2o.wallet.StoredValueSold;
import o2o.wallet.StoredValueSpent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The facts the dashboards count, heard in the transaction that makes them: each is written down as pending with one
 * insert, which commits with the fact or not at all, and the drain ({@link InsightsDrain}) adds them to the rollups
 * in batches. A top-up is stored value sold, told by the wallet ({@link StoredValueSold}), not a sale.
 */
@Component
class InsightsReactions {

    private final PendingRollups pending;
    private final Projections projections;
    private final Merchants merchants;

    InsightsReactions(PendingRollups pending, Projections projections, Merchants merchants) {
        this.pending = pending;
        this.projections = projections;
        this.merchants = merchants;
    }

    @EventListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        pending.add(new PendingFact(Projections.PAID, paid.orderId().value().toString(), paid.merchantId().value(),
                paid.customerId().value(), paid.orderId().value(), null, paid.total().minor(), paid.at()));
    }

    @EventListener
    void on(WalkInOrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        pending.add(new PendingFact(Projections.PAID, paid.orderId().value().toString(), paid.merchantId().value(),
                null, paid.orderId().value(), null, paid.total().minor(), paid.at()));
    }

    @EventListener
    void on(OrderRefunded refunded) {
        pending.add(new PendingFact(Projections.REFUND, refunded.orderId().value() + ":" + refunded.reference(),
                refunded.merchantId().value(), null, refunded.orderId().value(), null, refunded.amount().minor(),
                refunded.at()));
    }

    @EventListener
    void on(VoucherRedeemed redeemed) {
        pending.add(new PendingFact(Projections.REDEMPTION, redeemed.redemptionId().value().toString(),
                redeemed.merchantId().value(), null, null, redeemed.storeId().value(), 0, redeemed.at()));
    }

    /** Counted back on the day of the redemption it undoes, so that day's redemptions stay true. */
    @EventListener
    void on(RedemptionReversed reversed) {
        pending.add(new PendingFact(Projections.REDEMPTION_REVERSED, reversed.redemptionId().value().toString(),
                reversed.merchantId().value(), null, null, reversed.storeId().value(), 0, reversed.redeemedAt()));
    }

    @EventListener
    void on(MemberJoined joined) {
        var merchant = joined.merchantId().value();
        pending.add(new PendingFact(Projections.MEMBER, merchant + ":" + joined.customerId().value(), merchant,
                joined.customerId().value(), null, null, 0, joined.at()));
    }

    @EventListener
    void on(StoredValueSold sold) {
        byMerchant(Projections.STORED_VALUE_SOLD, sold.reference(), sold.merchantId().value(), sold.paid().minor(),
                sold.at());
    }

    @EventListener
    void on(StoredValueSpent spent) {
        byMerchant(Projections.STORED_VALUE_SPENT, spent.reference(), spent.merchantId().value(),
                spent.amount().minor(), spent.at());
    }

    @EventListener
    void on(PointsEarned earned) {
        byMerchant(Projections.POINTS_EARNED, earned.reference(), earned.merchantId().value(), earned.points(),
                earned.at());
    }

    @EventListener
    void on(PointsSpent spent) {
        byMerchant(Projections.POINTS_SPENT, spent.reference(), spent.merchantId().value(), spent.points(),
                spent.at());
    }

    /** The operator's list names merchants; rare, so heard after commit like any other listener. */
    @ApplicationModuleListener
    void on(MerchantApproved approved) {
        merchants.find(approved.merchantId().value())
                .ifPresent(m -> projections.merchantApproved(approved.merchantId(), m.name()));
    }

    private void byMerchant(String kind, String reference, UUID merchant, long amount, java.time.Instant at) {
        pending.add(new PendingFact(kind, reference, merchant, null, null, null, amount, at));
    }
}

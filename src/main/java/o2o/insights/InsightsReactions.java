package o2o.insights;

import o2o.loyalty.MemberJoined;
import o2o.loyalty.PointsEarned;
import o2o.loyalty.PointsSpent;
import o2o.merchants.MerchantApproved;
import o2o.merchants.Merchants;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.orders.WalkInOrderPaid;
import o2o.vouchers.VoucherRedeemed;
import o2o.wallet.StoredValueSold;
import o2o.wallet.StoredValueSpent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The facts the dashboards count, heard after their commit; each is counted once however often it is delivered. */
@Component
class InsightsReactions {

    private final Projections projections;
    private final Merchants merchants;

    InsightsReactions(Projections projections, Merchants merchants) {
        this.projections = projections;
        this.merchants = merchants;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        projections.paid(paid.orderId(), paid.merchantId(), paid.customerId(), paid.channel() == Channel.TOP_UP,
                paid.total(), paid.at());
    }

    @ApplicationModuleListener
    void on(WalkInOrderPaid paid) {
        projections.paid(paid.orderId(), paid.merchantId(), null, paid.channel() == Channel.TOP_UP, paid.total(),
                paid.at());
    }

    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        projections.refunded(refunded.orderId(), refunded.merchantId(), refunded.reference(), refunded.amount(),
                refunded.at());
    }

    @ApplicationModuleListener
    void on(VoucherRedeemed redeemed) {
        projections.redeemed(redeemed.redemptionId().value().toString(), redeemed.merchantId(), redeemed.storeId(),
                redeemed.at());
    }

    @ApplicationModuleListener
    void on(MemberJoined joined) {
        projections.joined(joined.merchantId(), joined.customerId(), joined.at());
    }

    @ApplicationModuleListener
    void on(StoredValueSold sold) {
        projections.storedValueSold(sold.merchantId(), sold.reference(), sold.paid(), sold.at());
    }

    @ApplicationModuleListener
    void on(StoredValueSpent spent) {
        projections.storedValueSpent(spent.merchantId(), spent.reference(), spent.amount(), spent.at());
    }

    @ApplicationModuleListener
    void on(PointsEarned earned) {
        projections.pointsEarned(earned.merchantId(), earned.reference(), earned.points(), earned.at());
    }

    @ApplicationModuleListener
    void on(PointsSpent spent) {
        projections.pointsSpent(spent.merchantId(), spent.reference(), spent.points(), spent.at());
    }

    @ApplicationModuleListener
    void on(MerchantApproved approved) {
        merchants.find(approved.merchantId().value())
                .ifPresent(m -> projections.merchantApproved(approved.merchantId(), m.name()));
    }
}

package o2o.campaigns;

import o2o.dining.TableScanned;
import o2o.loyalty.MemberJoined;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.orders.WalkInOrderPaid;
import o2o.vouchers.VoucherRedeemed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the attribution projection from the facts' events, after their commit, each in its own transaction. Every
 * one is redelivered after a crash and writes once ({@link Attributing}). Top-ups are stored value bought, not
 * sales: the orders paid with it are counted instead.
 */
@Component
class AttributionReactions {

    private final Attributing attributing;

    AttributionReactions(Attributing attributing) {
        this.attributing = attributing;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        attributing.order(paid.orderId(), paid.customerId(), paid.total(), paid.at());
    }

    @ApplicationModuleListener
    void on(WalkInOrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        attributing.order(paid.orderId(), null, paid.total(), paid.at());
    }

    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        attributing.refund(refunded.orderId(), refunded.amount(), refunded.reference(), refunded.at());
    }

    @ApplicationModuleListener
    void on(VoucherRedeemed redeemed) {
        attributing.redemption(redeemed.redemptionId().value(), redeemed.orderId(), redeemed.merchantId(),
                redeemed.storeId(), redeemed.customerId(), redeemed.at());
    }

    @ApplicationModuleListener
    void on(MemberJoined joined) {
        attributing.membership(joined.merchantId(), joined.customerId(), joined.at());
    }

    @ApplicationModuleListener
    void on(TableScanned scanned) {
        attributing.tableVisit(scanned.scanId(), scanned.merchantId(), scanned.storeId(), scanned.src(),
                scanned.customerId(), scanned.dinerKey(), scanned.at());
    }
}

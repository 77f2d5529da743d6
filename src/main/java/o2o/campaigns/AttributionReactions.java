package o2o.campaigns;

import o2o.campaigns.persistence.PendingAttributions;
import o2o.campaigns.persistence.PendingAttributions.PendingFact;
import o2o.dining.TableScanned;
import o2o.loyalty.MemberJoined;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.orders.WalkInOrderPaid;
import o2o.shared.Money;
import o2o.vouchers.RedemptionReversed;
import o2o.vouchers.VoucherRedeemed;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the attribution projection from the facts' events. Orders, refunds, redemptions and memberships are heard in
 * the transaction that makes them and written down as pending with one insert; the drain ({@link AttributionDrain})
 * attributes them in batches. A table visit, which may record a scan of its own, is heard after its commit and
 * attributed at once. Every fact's row is written once however often it is heard ({@link Attributing}). Top-ups are
 * stored value bought, not sales: the orders paid with it are counted instead.
 */
@Component
class AttributionReactions {

    private final PendingAttributions pending;
    private final Attributing attributing;

    AttributionReactions(PendingAttributions pending, Attributing attributing) {
        this.pending = pending;
        this.attributing = attributing;
    }

    @EventListener
    void on(OrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        pending.add(new PendingFact(FactKind.ORDER, paid.orderId().value().toString(), paid.merchantId().value(),
                paid.customerId().value(), paid.orderId().value(), null, paid.total().minor(),
                paid.total().currency(), null, paid.at()));
    }

    @EventListener
    void on(WalkInOrderPaid paid) {
        if (paid.channel() == Channel.TOP_UP) return;
        pending.add(new PendingFact(FactKind.ORDER, paid.orderId().value().toString(), paid.merchantId().value(),
                null, paid.orderId().value(), null, paid.total().minor(), paid.total().currency(), null, paid.at()));
    }

    @EventListener
    void on(OrderRefunded refunded) {
        pending.add(new PendingFact(FactKind.REFUND, refunded.orderId().value() + ":" + refunded.reference(),
                refunded.merchantId().value(), null, refunded.orderId().value(), null, refunded.amount().minor(),
                refunded.amount().currency(), refunded.reference(), refunded.at()));
    }

    @EventListener
    void on(VoucherRedeemed redeemed) {
        pending.add(new PendingFact(FactKind.REDEMPTION, redeemed.redemptionId().value().toString(),
                redeemed.merchantId().value(), redeemed.customerId().value(), redeemed.orderId().value(),
                redeemed.storeId().value(), 0, Money.CNY, null, redeemed.at()));
    }

    @EventListener
    void on(RedemptionReversed reversed) {
        pending.add(new PendingFact(FactKind.REDEMPTION_REVERSED, reversed.redemptionId().value().toString(),
                reversed.merchantId().value(), null, reversed.orderId().value(), reversed.storeId().value(), 0,
                Money.CNY, null, reversed.at()));
    }

    @EventListener
    void on(MemberJoined joined) {
        var merchant = joined.merchantId().value();
        pending.add(new PendingFact(FactKind.MEMBERSHIP, merchant + ":" + joined.customerId().value(), merchant,
                joined.customerId().value(), null, null, 0, Money.CNY, null, joined.at()));
    }

    @ApplicationModuleListener
    void on(TableScanned scanned) {
        attributing.tableVisit(scanned.scanId(), scanned.merchantId(), scanned.storeId(), scanned.src(),
                scanned.customerId(), scanned.dinerKey(), scanned.at());
    }
}

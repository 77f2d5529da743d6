package o2o.commissions;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import o2o.commissions.persistence.PendingCommissions;
import o2o.commissions.persistence.PendingCommissions.Fact;
import o2o.orders.Channel;
import o2o.orders.OrderPaid;
import o2o.orders.OrderRefunded;
import o2o.orders.WalkInOrderPaid;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears paid orders and refunds in their own transaction and writes each down with one insert for the drain.
 * <p>
 * Commission is charged on what customers buy through the platform: deals, table orders (a walk-in's bill too: the
 * order was taken by the platform, whoever paid it and how), pick-up, delivery, booking deposits and event tickets. Not on a top-up
 * (stored value is not a sale: the purchase it later pays for is charged) nor on a POS sale (the merchant's own till
 * recording what it sold; the platform sold nothing). A paid order is written down only when a rate may apply to its
 * merchant; every refund is, so a refund still gives commission back after its rate was removed (refunds are few and
 * off the checkout's path).
 */
@Component
class CommissionReactions {

    static final Set<Channel> CHARGED = EnumSet.of(Channel.DEAL, Channel.DINE_IN, Channel.PICKUP,
            Channel.RESERVATION, Channel.DELIVERY, Channel.EVENT);

    private final RateCache rates;
    private final PendingCommissions pending;

    CommissionReactions(RateCache rates, PendingCommissions pending) {
        this.rates = rates;
        this.pending = pending;
    }

    @EventListener
    void on(OrderPaid paid) {
        paid(paid.orderId(), paid.merchantId(), paid.channel(), paid.total(), paid.at());
    }

    @EventListener
    void on(WalkInOrderPaid paid) {
        paid(paid.orderId(), paid.merchantId(), paid.channel(), paid.total(), paid.at());
    }

    @EventListener
    void on(OrderRefunded refunded) {
        if (refunded.amount().minor() <= 0) return;
        pending.add(new Fact("REFUND", refunded.orderId().value(), refunded.merchantId().value(),
                refunded.amount().minor(), refunded.orderTotal().minor(), refunded.reference(), refunded.at()));
    }

    private void paid(OrderId order, MerchantId merchant, Channel channel, Money total, Instant at) {
        if (!CHARGED.contains(channel) || total.minor() <= 0 || !rates.card().mayCharge(merchant)) return;
        pending.add(new Fact("PAID", order.value(), merchant.value(), total.minor(), total.minor(), "paid", at));
    }
}

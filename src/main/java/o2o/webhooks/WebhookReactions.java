package o2o.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import o2o.identity.Customers;
import o2o.loyalty.MemberJoined;
import o2o.orders.LineKind;
import o2o.orders.OrderLine;
import o2o.orders.OrderPaid;
import o2o.orders.Orders;
import o2o.shared.PhoneNumber;
import o2o.vouchers.VoucherRedeemed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Domain events become deliveries, in the transaction that publishes them: the delivery table is this module's
 * outbox, so a redemption and its webhook are committed together, and a merchant without endpoints costs a look-up
 * in this node's memory ({@link Subscriptions}; the payload is only built for merchants with endpoints) instead of a
 * persisted publication and a transaction of its own per event. Each event's id is derived from
 * what happened (the redemption, the order, the membership), so the same event twice carries the same id and the
 * delivery's unique key absorbs it. The payload carries ids and amounts, and the customer's phone only masked.
 */
@Component
class WebhookReactions {

    private final WebhookDeliveries deliveries;
    private final Customers customers;
    private final Orders orders;

    WebhookReactions(WebhookDeliveries deliveries, Customers customers, Orders orders) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.customers = customers;
    }

    @EventListener
    void on(VoucherRedeemed redeemed) {
        deliveries.record(EventType.VOUCHER_REDEEMED,
                eventId(EventType.VOUCHER_REDEEMED, redeemed.redemptionId().value()), redeemed.merchantId(),
                redeemed.at(), () -> data(redeemed));
    }

    @EventListener
    void on(OrderPaid paid) {
        deliveries.record(EventType.ORDER_PAID, eventId(EventType.ORDER_PAID, paid.orderId().value()), paid.merchantId(),
                paid.at(), () -> data(paid));
    }

    @EventListener
    void on(MemberJoined joined) {
        deliveries.record(EventType.MEMBER_JOINED,
                eventId(EventType.MEMBER_JOINED, joined.merchantId() + ":" + joined.customerId()),
                joined.merchantId(), joined.at(), () -> data(joined));
    }

    private Map<String, @Nullable Object> data(VoucherRedeemed redeemed) {
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("voucherId", redeemed.voucherId().toString());
        data.put("redemptionId", redeemed.redemptionId().toString());
        data.put("orderId", redeemed.orderId().toString());
        data.put("storeId", redeemed.storeId().toString());
        data.put("customerId", redeemed.customerId().toString());
        data.put("customerPhone", maskedPhone(redeemed.customerId().value()));
        data.put("redeemedAt", redeemed.at().toString());
        return data;
    }

    private Map<String, @Nullable Object> data(OrderPaid paid) {
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("orderId", paid.orderId().value().toString());
        data.put("channel", paid.channel().name());
        data.put("customerId", paid.customerId().value().toString());
        data.put("customerPhone", maskedPhone(paid.customerId().value()));
        var lines = orders.lines(paid.orderId().value());
        var deal = lines.isEmpty() || lines.getFirst().kind() != LineKind.DEAL ? null : lines.getFirst();
        data.put("dealId", deal == null ? null : deal.refId().toString());
        data.put("quantity", deal == null ? lines.stream().mapToInt(OrderLine::quantity).sum() : deal.quantity());
        var total = new LinkedHashMap<String, Object>();
        total.put("minor", paid.total().minor());
        total.put("currency", paid.total().currency().getCurrencyCode());
        data.put("total", total);
        data.put("paidAt", paid.at().toString());
        return data;
    }

    private Map<String, @Nullable Object> data(MemberJoined joined) {
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("customerId", joined.customerId().toString());
        data.put("customerPhone", maskedPhone(joined.customerId().value()));
        data.put("channel", joined.channel());
        data.put("joinedAt", joined.at().toString());
        return data;
    }

    private @Nullable String maskedPhone(UUID customerId) {
        return customers.phoneOf(customerId).map(PhoneNumber::masked).orElse(null);
    }

    static UUID eventId(EventType type, Object subject) {
        return UUID.nameUUIDFromBytes((type.wireName() + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }
}

package o2o.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** An order as the REST API answers with it, whichever module's endpoint placed or read it. */
public record OrderResponse(UUID id, UUID merchantId, Channel channel, OrderStatus status, List<OrderLine> lines,
        Money subtotalAmount, Money discountAmount, Money totalAmount, Money refundedAmount, @Nullable UUID couponId,
        Instant createdAt, Instant payBy, @Nullable Instant paidAt, long pointsUsed, Money pointsAmount) {

    public static OrderResponse of(Order o) {
        return new OrderResponse(o.id().value(), o.merchantId().value(), o.channel(), o.status(), o.lines(),
                o.subtotal(), o.discount(), o.total(), o.refunded(), o.couponId(), o.createdAt(), o.payBy(), o.paidAt(),
                o.pointsUsed(), o.pointsValue());
    }
}

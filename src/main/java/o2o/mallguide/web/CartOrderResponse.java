package o2o.mallguide.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.delivery.DeliveryStatus;
import o2o.mallguide.MallCartOrder;
import o2o.orders.OrderStatus;
import o2o.pickup.PickupStatus;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A cart across a mall's tenants once checked out: its one total and each tenant's order, picked up ({@code status},
 * {@code number}, {@code pickupAt}) or delivered ({@code deliveryStatus}, {@code deliveryFee}, {@code promisedAt},
 * {@code deliveryCode}: what the customer tells the courier).
 */
@Schema(name = "MallCartOrderResponse")
record CartOrderResponse(UUID groupId, UUID mallId, String mallName, Fulfilment fulfilment, Money totalAmount,
        Instant createdAt, List<TenantOrder> orders) {

    enum Fulfilment { PICKUP, DELIVERY }

    @Schema(name = "MallCartTenantOrder")
    record TenantOrder(UUID orderId, UUID storeId, String storeName, @Nullable PickupStatus status,
            @Nullable DeliveryStatus deliveryStatus, OrderStatus orderStatus, @Nullable String number,
            @Nullable Instant pickupAt, @Nullable Money deliveryFee, @Nullable Instant promisedAt,
            @Nullable String deliveryCode, Money totalAmount, Money refundedAmount, List<Line> lines) {

        static TenantOrder of(MallCartOrder.TenantOrder t) {
            var order = t.order();
            var lines = order.lines().stream()
                    .map(l -> new Line(l.refId(), l.title(), l.unitPrice(), l.quantity(), l.amount())).toList();
            var p = t.pickup();
            if (p != null) {
                return new TenantOrder(t.orderId(), t.storeId(), t.storeName(), p.status(), null, order.status(),
                        p.displayNumber(), p.pickupAt(), null, null, null, order.total(), order.refunded(), lines);
            }
            var d = Objects.requireNonNull(t.delivery()).delivery();
            return new TenantOrder(t.orderId(), t.storeId(), t.storeName(), null, d.status(), order.status(), null,
                    null, d.fee(), d.promisedAt(), d.code(), order.total(), order.refunded(), lines);
        }
    }

    @Schema(name = "MallCartOrderLine")
    record Line(UUID itemId, String title, Money unitPrice, int quantity, Money amount) {}

    static CartOrderResponse of(MallCartOrder cart) {
        return new CartOrderResponse(cart.group().id(), cart.mall().id().value(), cart.mall().name(),
                cart.delivered() ? Fulfilment.DELIVERY : Fulfilment.PICKUP, cart.group().total(),
                cart.group().createdAt(), cart.orders().stream().map(TenantOrder::of).toList());
    }

    /** "12:30" today; empty or "asap" for as soon as possible. */
    static @Nullable LocalTime pickupTime(@Nullable String typed) {
        if (typed == null || typed.isBlank() || typed.strip().equalsIgnoreCase("asap")) return null;
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("pickupTime", "a time today like 12:30, or empty for as soon as possible");
        }
    }
}

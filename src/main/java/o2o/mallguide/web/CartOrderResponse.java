package o2o.mallguide.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.mallguide.MallCarts;
import o2o.orders.OrderStatus;
import o2o.pickup.PickupStatus;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A cart across a mall's tenants once checked out: its one total and each tenant's pick-up order. */
@Schema(name = "MallCartOrderResponse")
record CartOrderResponse(UUID groupId, UUID mallId, String mallName, Money totalAmount, Instant createdAt,
        List<TenantOrder> orders) {

    @Schema(name = "MallCartTenantOrder")
    record TenantOrder(UUID orderId, UUID storeId, String storeName, PickupStatus status, OrderStatus orderStatus,
            @Nullable String number, Instant pickupAt, Money totalAmount, Money refundedAmount, List<Line> lines) {}

    @Schema(name = "MallCartOrderLine")
    record Line(UUID itemId, String title, Money unitPrice, int quantity, Money amount) {}

    static CartOrderResponse of(MallCarts.CartOrder cart) {
        return new CartOrderResponse(cart.group().id(), cart.mall().id().value(), cart.mall().name(),
                cart.group().total(), cart.group().createdAt(), cart.orders().stream().map(p -> new TenantOrder(
                        p.orderId(), p.storeId(), p.storeName(), p.status(), p.order().status(), p.displayNumber(),
                        p.pickupAt(), p.order().total(), p.order().refunded(), p.order().lines().stream()
                                .map(l -> new Line(l.refId(), l.title(), l.unitPrice(), l.quantity(), l.amount()))
                                .toList())).toList());
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

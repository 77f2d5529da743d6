package o2o.pickup.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import o2o.orders.OrderStatus;
import o2o.pickup.PickupOrder;
import o2o.pickup.PickupStatus;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A pick-up order as the API shows it to its customer and to the store's staff. */
record PickupResponse(UUID id, UUID storeId, String storeName, PickupStatus status, OrderStatus orderStatus,
        @Nullable String number, @Nullable LocalDate numberDay, boolean asap, Instant pickupAt, String note,
        List<Line> lines, Money subtotalAmount, Money discountAmount, Money totalAmount, Money refundedAmount,
        long pointsUsed, Instant placedAt, Instant payBy, @Nullable Instant paidAt, @Nullable Instant readyAt,
        @Nullable Instant handedOverAt) {

    static PickupResponse of(PickupOrder p) {
        var o = p.order();
        return new PickupResponse(p.orderId(), p.storeId(), p.storeName(), p.status(), o.status(), p.displayNumber(),
                p.numberDay(), p.asap(), p.pickupAt(), p.note(),
                o.lines().stream().map(l -> new Line(l.refId(), l.title(), l.unitPrice(), l.quantity(), l.amount()))
                        .toList(),
                o.subtotal(), o.discount(), o.total(), o.refunded(), o.pointsUsed(), p.placedAt(), o.payBy(),
                p.paidAt(), p.readyAt(), p.handedOverAt());
    }

    /** "12:30" today in the store's zone; empty or "asap" for as soon as possible. */
    static @Nullable LocalTime pickupTime(@Nullable String typed) {
        if (typed == null || typed.isBlank() || typed.strip().equalsIgnoreCase("asap")) return null;
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("pickupTime", "a time today like 12:30, or empty for as soon as possible");
        }
    }

    static @Nullable PickupStatus status(@Nullable String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return PickupStatus.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "one of AWAITING_PAYMENT, PAID, READY, HANDED_OVER, REFUNDED, CANCELLED");
        }
    }
}

package o2o.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.delivery.DeliveryOrder;
import o2o.delivery.DeliveryStatus;
import o2o.orders.LineKind;
import o2o.orders.OrderStatus;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A delivery order as the API shows it. {@code code} (what the customer tells the courier at the door) is shown to
 * the customer only, never to the store or the courier.
 */
record DeliveryResponse(UUID id, UUID storeId, String storeName, DeliveryStatus status, OrderStatus orderStatus,
        List<Line> lines, Money subtotalAmount, Money feeAmount, Money discountAmount, Money totalAmount,
        Money refundedAmount, long pointsUsed, To destination, int distanceMeters, int promisedMinutes,
        @Nullable Instant promisedAt, @Nullable String code, String note, String provider,
        @Nullable String courierName, @Nullable Position courierPosition, @Nullable String problem,
        Instant placedAt, Instant payBy, @Nullable Instant paidAt, @Nullable Instant acceptedAt,
        @Nullable Instant readyAt, @Nullable Instant assignedAt, @Nullable Instant pickedUpAt,
        @Nullable Instant deliveredAt, @Nullable Instant endedAt, List<Event> history) {

    record Line(UUID refId, LineKind kind, String title, Money unitPrice, int quantity, Money amount) {}

    record To(String contact, String phone, String address, double lat, double lng) {}

    record Position(double lat, double lng, Instant at) {}

    record Event(DeliveryStatus status, String what, String actor, Instant at) {}

    static DeliveryResponse forCustomer(DeliveryOrder o) {
        return of(o, true);
    }

    static DeliveryResponse forStaff(DeliveryOrder o) {
        return of(o, false);
    }

    private static DeliveryResponse of(DeliveryOrder o, boolean customer) {
        var d = o.delivery();
        var order = o.order();
        var to = d.destination();
        var at = d.courierAt();
        return new DeliveryResponse(d.orderId().value(), d.storeId().value(), o.storeName(), d.status(),
                order.status(),
                order.lines().stream().map(l -> new Line(l.refId(), l.kind(), l.title(), l.unitPrice(), l.quantity(),
                        l.amount())).toList(),
                order.subtotal().minus(d.fee()), d.fee(), order.discount(), order.total(), order.refunded(),
                order.pointsUsed(),
                new To(to.contact(), to.phone(), to.address(), to.point().lat(), to.point().lng()),
                d.distanceMeters(), d.promisedMinutes(), d.promisedAt(), customer ? d.code() : null, d.note(),
                d.provider(), d.courier() == null ? null : d.courier().name(),
                at == null ? null : new Position(at.point().lat(), at.point().lng(), at.at()), d.problem(),
                d.placedAt(), order.payBy(), d.paidAt(), d.acceptedAt(), d.readyAt(), d.assignedAt(), d.pickedUpAt(),
                d.deliveredAt(), d.endedAt(),
                o.history().stream().map(e -> new Event(e.status(), e.what(), e.actor(), e.at())).toList());
    }
}

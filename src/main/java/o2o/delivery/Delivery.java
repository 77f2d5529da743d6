package o2o.delivery;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A delivery order: its order's id, where it goes (the address as ordered), the zone, fee and promise it was placed
 * with, the code the customer gives the courier, who carries it and where it stands. Its methods say whether a move is
 * legal; persistence applies the move with its guard, so of two racing couriers one wins.
 */
public record Delivery(OrderId orderId, MerchantId merchantId, StoreId storeId, CustomerId customerId, UUID zoneId,
        DeliveryStatus status, Destination destination, int distanceMeters, Money fee, Money cost,
        int promisedMinutes, @Nullable Instant promisedAt, String code, String note, String provider,
        @Nullable String providerRef, @Nullable Courier courier, @Nullable String problem, Instant placedAt,
        @Nullable Instant paidAt, @Nullable Instant acceptedAt, @Nullable Instant readyAt, @Nullable Instant assignedAt,
        @Nullable Instant pickedUpAt, @Nullable Instant deliveredAt, @Nullable Instant endedAt,
        @Nullable Position courierAt) {

    /** Where the order goes: the address as it was when ordered (a later edit of the address book changes nothing). */
    public record Destination(String contact, String phone, String address, GeoPoint point) {}

    /** The staff member carrying it, or a provider's rider by name (no staff id). */
    public record Courier(@Nullable UUID staffId, String name) {}

    /** Where the courier was last seen while carrying it. */
    public record Position(GeoPoint point, Instant at) {}

    /** What went wrong on the way, as the courier reports it. */
    public enum Trouble {
        /** The courier could not reach the customer at the door or by phone. */
        CUSTOMER_UNREACHABLE,
        /** The order could not be handed over for another reason (refused, damaged). */
        NOT_HANDED_OVER
    }

    public boolean paid() {
        return paidAt != null;
    }

    /** CREATED and paid → ACCEPTED: the store takes it. */
    public void requireAcceptable() {
        if (!paid()) throw conflict("delivery-not-paid", "this delivery order is not paid yet");
        require(DeliveryStatus.ACCEPTED);
    }

    /** An accepted order still without a courier → COURIER_ASSIGNED. */
    public void requireAssignable() {
        if (status == DeliveryStatus.COURIER_ASSIGNED) throw taken();
        require(DeliveryStatus.COURIER_ASSIGNED);
    }

    /** A manager gives an accepted or assigned order (not yet picked up) to another of the store's couriers. */
    public void requireReassignable(UUID to) {
        if (status != DeliveryStatus.ACCEPTED && status != DeliveryStatus.COURIER_ASSIGNED) {
            throw statusConflict();
        }
        if (courier != null && to.equals(courier.staffId())) {
            throw conflict("delivery-same-courier", "this courier has the order already");
        }
    }

    /** The courier who has it takes it from the counter. */
    public void requirePickUpBy(UUID staffId) {
        requireCourier(staffId);
        require(DeliveryStatus.PICKED_UP);
    }

    /** The courier who has it hands it over, with the customer's code. */
    public void requireDeliveryBy(UUID staffId, String givenCode) {
        requireCourier(staffId);
        require(DeliveryStatus.DELIVERED);
        if (status != DeliveryStatus.PICKED_UP) throw conflict("delivery-not-picked-up", "pick the order up first");
        if (!code.equals(givenCode)) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "delivery-code-wrong",
                    "that is not the customer's code");
        }
    }

    /** The courier on the way reports trouble, or brings it back. */
    public void requireOnTheWayWith(UUID staffId) {
        requireCourier(staffId);
        if (status != DeliveryStatus.PICKED_UP) throw statusConflict();
    }

    public void requireCancellable() {
        require(DeliveryStatus.CANCELLED);
    }

    /**
     * What is given back when it ends this way: cancelled before it left, everything; returned, everything unless the
     * courier could not reach the customer (the food was made and carried to them).
     */
    public boolean refundsInFull(DeliveryStatus end) {
        return switch (end) {
            case CANCELLED -> true;
            case RETURNED -> !Trouble.CUSTOMER_UNREACHABLE.name().equals(problem);
            default -> false;
        };
    }

    private void requireCourier(UUID staffId) {
        if (courier == null || !staffId.equals(courier.staffId())) {
            throw new Problem(HttpStatus.FORBIDDEN, "delivery-not-yours", "another courier carries this order");
        }
    }

    private void require(DeliveryStatus to) {
        if (!status.canBecome(to)) throw statusConflict();
    }

    private Problem taken() {
        return conflict("delivery-taken", "another courier took this order");
    }

    Problem statusConflict() {
        return new Problem(HttpStatus.CONFLICT, "delivery-status-conflict", "this delivery order is " + status,
                status.name());
    }

    private static Problem conflict(String slug, String detail) {
        return new Problem(HttpStatus.CONFLICT, slug, detail);
    }
}

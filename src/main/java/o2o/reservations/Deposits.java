package o2o.reservations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import o2o.merchants.Store;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.reservations.persistence.Bookings;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A booking's deposit, paid as a RESERVATION order: asked for when booking, and once paid either given back (refunded
 * through the order) or kept (the order completed), once.
 */
@Component
class Deposits {

    private final Orders orders;
    private final Bookings bookings;
    private final BookingNotices notices;

    Deposits(Orders orders, Bookings bookings, BookingNotices notices) {
        this.orders = orders;
        this.bookings = bookings;
        this.notices = notices;
    }

    /** The order that asks for the deposit of this booking, or null when the store asks none. */
    @Nullable UUID ask(UUID bookingId, UUID customerId, Store store, ReservationSettings settings, LocalDate date,
            LocalTime time, int partySize) {
        var deposit = settings.depositFor(partySize);
        if (deposit.isZero()) return null;
        var title = notices.text("reservations.deposit-title", store.name(), date, time);
        var unit = settings.depositPerPerson() ? settings.deposit() : deposit;
        int quantity = settings.depositPerPerson() ? partySize : 1;
        return orders.place(new NewOrder(new MerchantId(store.merchantId()), new StoreId(store.id()),
                new CustomerId(customerId), Channel.RESERVATION,
                List.of(new NewOrder.Line(LineKind.DEPOSIT, bookingId, title, unit, quantity, deposit)),
                Money.zero(deposit.currency()), null, 0)).id().value();
    }

    /** Gives a paid, unsettled deposit back or keeps it; nothing when there is none. {@code why} names the refund. */
    void settle(Reservation booking, boolean refund, String why) {
        var orderId = booking.orderId();
        if (orderId == null || !held(orderId)) return;
        if (refund) {
            orders.refund(orderId, booking.deposit(), "reservation:" + booking.id() + ":" + why);
        } else {
            orders.complete(orderId);
        }
        bookings.settled(booking.id(), refund ? DepositOutcome.REFUNDED : DepositOutcome.FORFEITED);
    }

    /** Cancels the deposit's order if it is still unpaid; true then. */
    boolean cancelUnpaid(UUID orderId) {
        return orders.cancelUnpaid(orderId, "reservation cancelled");
    }

    /** True when the deposit's money is with the merchant and not yet settled. */
    private boolean held(UUID orderId) {
        return orders.find(orderId).map(o -> o.status() == OrderStatus.PAID).orElse(false);
    }
}

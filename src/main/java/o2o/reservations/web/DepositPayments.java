package o2o.reservations.web;

import o2o.identity.CustomerPrincipal;
import o2o.orders.Orders;
import o2o.reservations.Reservation;
import o2o.shared.web.PageProblems;
import org.springframework.stereotype.Component;

/** A booking's deposit paid from the customer's pages: to the gateway's page, which sends the payer back to it. */
@Component
class DepositPayments {

    private static final String PROVIDER = Orders.ONLINE;

    private final Orders orders;

    DepositPayments(Orders orders) {
        this.orders = orders;
    }

    /** To the gateway; a refused payment shows on the booking. */
    String pay(CustomerPrincipal customer, Reservation booking) {
        if (booking.orderId() == null) return "redirect:/me/reservations/" + booking.id();
        PageProblems.redirectTo("/me/reservations/" + booking.id());
        return "redirect:" + orders.pay(customer, booking.orderId(), PROVIDER,
                "/me/reservations/" + booking.id()).redirectUrl();
    }
}

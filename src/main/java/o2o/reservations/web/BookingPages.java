package o2o.reservations.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerPrincipal;
import o2o.merchants.Stores;
import o2o.reservations.Reservation;
import o2o.reservations.ReservationStatus;
import o2o.reservations.Reservations;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The customer's bookings: the list, and one booking with its deposit, status and cancellation policy. */
@Controller
class BookingPages {

    private final Reservations reservations;
    private final Stores stores;
    private final DepositPayments deposits;
    private final Clock clock;

    BookingPages(Reservations reservations, Stores stores, DepositPayments deposits, Clock clock) {
        this.reservations = reservations;
        this.stores = stores;
        this.deposits = deposits;
        this.clock = clock;
    }

    @GetMapping("/me/reservations")
    String list(CustomerPrincipal customer, Model model) {
        var bookings = reservations.ofCustomer(customer);
        model.addAttribute("bookings", bookings);
        model.addAttribute("storeNames", storeNames(bookings));
        return "reservations/list";
    }

    @GetMapping("/me/reservations/{id}")
    String booking(CustomerPrincipal customer, @PathVariable UUID id, Model model) {
        var booking = reservations.ofCustomer(customer, id);
        model.addAttribute("booking", booking);
        model.addAttribute("store", stores.find(booking.storeId()).orElseThrow());
        model.addAttribute("freeCancelOpen", clock.instant().isBefore(booking.freeCancelUntil()));
        return "reservations/booking";
    }

    /** htmx: the status, polled while the deposit is being confirmed; once it moves on, the page reloads. */
    @GetMapping("/me/reservations/{id}/status")
    String status(CustomerPrincipal customer, @PathVariable UUID id, Model model, HttpServletResponse response) {
        var booking = reservations.ofCustomer(customer, id);
        if (booking.status() != ReservationStatus.PENDING_DEPOSIT) response.setHeader("HX-Refresh", "true");
        model.addAttribute("booking", booking);
        return "reservations/booking :: status";
    }

    /** Pays the deposit (again): to the gateway's page, which sends the payer back to the booking. */
    @PostMapping("/me/reservations/{id}/pay")
    @OnProblem(redirect = "/me/reservations/{id}", errorPage = 404)
    String payDeposit(CustomerPrincipal customer, @PathVariable UUID id) {
        return deposits.pay(customer, reservations.ofCustomer(customer, id));
    }

    @PostMapping("/me/reservations/{id}/cancel")
    @OnProblem(redirect = "/me/reservations/{id}", errorPage = 404)
    String cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        reservations.cancel(customer, id);
        return "redirect:/me/reservations/" + id;
    }

    private Map<UUID, String> storeNames(List<Reservation> bookings) {
        var names = new HashMap<UUID, String>();
        for (var b : bookings) {
            names.computeIfAbsent(b.storeId(), id -> stores.find(id).map(o2o.merchants.Store::name).orElse(""));
        }
        return names;
    }
}

package o2o.reservations.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.merchants.Stores;
import o2o.reservations.NewReservation;
import o2o.reservations.ReservationSettings;
import o2o.reservations.ReservationStatus;
import o2o.reservations.Reservations;
import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's booking page at a store: pick a date and a party size, see the slots with what is left, book, pay the
 * deposit on the gateway's page. The customer's bookings are {@link BookingPages}.
 */
@Controller
class ReservationPages {

    /** Date chips shown on the booking page; further dates are typed. */
    private static final int DATE_CHIPS = 14;

    private final Reservations reservations;
    private final Stores stores;
    private final DepositPayments deposits;
    private final PageText text;

    ReservationPages(Reservations reservations, Stores stores, DepositPayments deposits, PageText text) {
        this.reservations = reservations;
        this.stores = stores;
        this.deposits = deposits;
        this.text = text;
    }

    @GetMapping("/stores/{storeId}/reserve")
    String reserve(@PathVariable UUID storeId, @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String partySize, Model model) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var settings = reservations.settings(storeId).orElseThrow(() -> Problem.notFound("reservation settings"));
        var today = reservations.today(store);
        var day = date == null || date.isBlank() ? today : ReservationApi.date(date);
        var typed = FormValues.optionalNumber("partySize", partySize);
        int party = typed == null ? 2 : typed;
        if (party < 1 || party > 99) throw new InvalidInput("partySize", "between 1 and 99");
        var dates = new ArrayList<LocalDate>();
        for (int i = 0; i <= Math.min(settings.daysAhead(), DATE_CHIPS - 1); i++) dates.add(today.plusDays(i));
        model.addAttribute("store", store);
        model.addAttribute("settings", settings);
        model.addAttribute("dates", dates);
        model.addAttribute("date", day);
        model.addAttribute("partySize", party);
        var slots = reservations.slots(storeId, day, party);
        model.addAttribute("day", slots);
        model.addAttribute("dayProblem", slots.reason() == null ? null : text.message("problem." + slots.reason()));
        return "reservations/reserve";
    }

    /** htmx, on the store's page: the way to book, when the store takes bookings. */
    @GetMapping("/stores/{storeId}/reservation-link")
    String link(@PathVariable UUID storeId, Model model) {
        model.addAttribute("storeId", storeId);
        model.addAttribute("offered", reservations.settings(storeId).isPresent());
        return "reservations/link :: link";
    }

    /** A refused booking shows on the booking page, on the day and party size asked for. */
    @PostMapping("/stores/{storeId}/reserve")
    @OnProblem(redirect = "/stores/{storeId}/reserve?date={date}&partySize={partySize}", errorPage = 404)
    String book(@Nullable Authentication authentication, @PathVariable UUID storeId, @RequestParam String date,
            @RequestParam String time, @RequestParam String partySize, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String note) {
        if (authentication == null || !(authentication.getPrincipal() instanceof CustomerPrincipal signedIn)) {
            return "redirect:/signin?next=/stores/" + storeId + "/reserve";
        }
        int party = FormValues.number("partySize", partySize);
        var booking = reservations.book(signedIn, new NewReservation(storeId, ReservationApi.date(date),
                ReservationSettings.parseTime("time", time), party, name,
                phone.isBlank() ? signedIn.phone() : PhoneNumber.parse(phone), note));
        if (booking.status() == ReservationStatus.PENDING_DEPOSIT) return deposits.pay(signedIn, booking);
        return "redirect:/me/reservations/" + booking.id();
    }
}

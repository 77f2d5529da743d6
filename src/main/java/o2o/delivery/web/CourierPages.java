package o2o.delivery.web;

import java.util.UUID;

import o2o.delivery.Couriers;
import o2o.delivery.Delivery;
import o2o.identity.StaffPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.OrderId;
import o2o.shared.web.OnProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The courier's phone page, inside the merchant console ({@code /merchant/courier}, so the console's staff sign-in
 * guards it; {@code /courier} is a short way there): on and off shift, offers in batches of nearby doors, and what
 * they carry with its moves. While carrying, the page reports where the phone is.
 */
@Controller
class CourierPages {

    private static final String PAGE = "/merchant/courier";

    private final Couriers couriers;

    CourierPages(Couriers couriers) {
        this.couriers = couriers;
    }

    @GetMapping("/courier")
    String shortcut() {
        return "redirect:" + PAGE;
    }

    @GetMapping(PAGE)
    String page(StaffPrincipal courier, Model model) {
        model.addAttribute("shift", couriers.shift(courier));
        return "delivery/courier";
    }

    /** htmx: the offers, polled every few seconds while on shift. */
    @GetMapping(PAGE + "/offers")
    String offers(StaffPrincipal courier, Model model) {
        model.addAttribute("shift", couriers.shift(courier));
        return "delivery/courier :: offers";
    }

    @PostMapping(PAGE + "/shift")
    @OnProblem(redirect = PAGE)
    String shift(StaffPrincipal courier, @RequestParam boolean onShift) {
        couriers.goOnShift(courier, onShift);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/deliveries/{id}/accept")
    @OnProblem(redirect = PAGE)
    String accept(StaffPrincipal courier, @PathVariable UUID id) {
        couriers.accept(courier, new OrderId(id));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/deliveries/{id}/picked-up")
    @OnProblem(redirect = PAGE)
    String pickedUp(StaffPrincipal courier, @PathVariable UUID id) {
        couriers.pickedUp(courier, new OrderId(id));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/deliveries/{id}/delivered")
    @OnProblem(redirect = PAGE)
    String delivered(StaffPrincipal courier, @PathVariable UUID id, @RequestParam(defaultValue = "") String code) {
        couriers.delivered(courier, new OrderId(id), code.strip());
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/deliveries/{id}/trouble")
    @OnProblem(redirect = PAGE)
    String trouble(StaffPrincipal courier, @PathVariable UUID id) {
        couriers.trouble(courier, new OrderId(id), Delivery.Trouble.CUSTOMER_UNREACHABLE);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/deliveries/{id}/returned")
    @OnProblem(redirect = PAGE)
    String returned(StaffPrincipal courier, @PathVariable UUID id) {
        couriers.returned(courier, new OrderId(id));
        return "redirect:" + PAGE;
    }

    /** Where the phone is, sent by the page while the courier carries something (CSRF in a header). */
    @PostMapping(PAGE + "/position")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void position(StaffPrincipal courier, @RequestParam double lat, @RequestParam double lng) {
        couriers.position(courier, new GeoPoint(lat, lng));
    }
}

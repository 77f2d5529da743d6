package o2o.delivery.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import o2o.delivery.Deliveries;
import o2o.identity.CustomerPrincipal;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's delivery orders: the list, and each order's tracking page (steps, promise, code, courier and where
 * they are, lines, history) refreshed every few seconds, with paying and cancelling.
 */
@Controller
class DeliveryOrderPages {

    private final Deliveries deliveries;
    private final Clock clock;

    DeliveryOrderPages(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping("/me/deliveries")
    String list(CustomerPrincipal customer, Model model) {
        model.addAttribute("deliveries", deliveries.ofCustomer(customer));
        return "delivery/list";
    }

    @GetMapping("/me/deliveries/{id}")
    String delivery(CustomerPrincipal customer, @PathVariable UUID id, Model model) {
        model.addAttribute("t", Tracking.of(deliveries.ofCustomer(customer, id), clock.instant()));
        return "delivery/delivery";
    }

    /** htmx: the steps, promise and courier, polled while the order moves; a change of state reloads the page. */
    @GetMapping("/me/deliveries/{id}/status")
    String status(CustomerPrincipal customer, @PathVariable UUID id, @RequestParam(defaultValue = "") String shown,
            Model model, HttpServletResponse response) {
        var tracking = Tracking.of(deliveries.ofCustomer(customer, id), clock.instant());
        if (!shown.equals(tracking.state())) response.setHeader("HX-Refresh", "true");
        model.addAttribute("t", tracking);
        return "delivery/delivery :: status";
    }

    @PostMapping("/me/deliveries/{id}/pay")
    @OnProblem(redirect = "/me/deliveries/{id}", errorPage = 404)
    String pay(CustomerPrincipal customer, @PathVariable UUID id,
            @RequestParam(defaultValue = "online") String provider) {
        return "redirect:" + deliveries.pay(customer, id, provider).redirectUrl();
    }

    @PostMapping("/me/deliveries/{id}/cancel")
    @OnProblem(redirect = "/me/deliveries/{id}", errorPage = 404)
    String cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        deliveries.cancel(customer, id);
        return "redirect:/me/deliveries/" + id;
    }
}

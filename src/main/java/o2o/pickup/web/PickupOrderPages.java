package o2o.pickup.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerPrincipal;
import o2o.pickup.Pickups;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer's pick-up orders: the list, and each order's page with its number, status, payment and cancellation. */
@Controller
class PickupOrderPages {

    private final Pickups pickups;

    PickupOrderPages(Pickups pickups) {
        this.pickups = pickups;
    }

    @GetMapping("/me/pickups")
    String list(CustomerPrincipal customer, Model model) {
        model.addAttribute("pickups", pickups.ofCustomer(customer));
        return "pickup/list";
    }

    @GetMapping("/me/pickups/{id}")
    String pickup(CustomerPrincipal customer, @PathVariable UUID id, Model model) {
        model.addAttribute("pickup", pickups.ofCustomer(customer, id));
        return "pickup/pickup";
    }

    /** htmx: the number and status, polled while the order moves; a change of state reloads the whole page. */
    @GetMapping("/me/pickups/{id}/status")
    String status(CustomerPrincipal customer, @PathVariable UUID id, @RequestParam(defaultValue = "") String shown,
            Model model, HttpServletResponse response) {
        var pickup = pickups.ofCustomer(customer, id);
        if (!shown.equals(pickup.status().name())) response.setHeader("HX-Refresh", "true");
        model.addAttribute("pickup", pickup);
        return "pickup/pickup :: status";
    }

    @PostMapping("/me/pickups/{id}/pay")
    @OnProblem(redirect = "/me/pickups/{id}", errorPage = 404)
    String payAgain(CustomerPrincipal customer, @PathVariable UUID id,
            @RequestParam(defaultValue = "online") String provider) {
        return "redirect:" + pickups.pay(customer, id, provider).redirectUrl();
    }

    @PostMapping("/me/pickups/{id}/cancel")
    @OnProblem(redirect = "/me/pickups/{id}", errorPage = 404)
    String cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        pickups.cancel(customer, id);
        return "redirect:/me/pickups/" + id;
    }
}

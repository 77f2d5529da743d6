package o2o.payments.web;

import java.util.UUID;

import o2o.payments.Payments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The checkout's choice of gateways (htmx fragment): one button for each gateway the merchant takes beyond the first. */
@Controller
class PaymentPages {

    private final Payments payments;

    PaymentPages(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/pay/options")
    String options(@RequestParam UUID merchant, Model model) {
        var gateways = payments.gatewaysOf(merchant);
        model.addAttribute("first", gateways.isEmpty() ? null : gateways.getFirst());
        model.addAttribute("others", gateways.isEmpty() ? gateways : gateways.subList(1, gateways.size()));
        return "payments/options :: options";
    }
}

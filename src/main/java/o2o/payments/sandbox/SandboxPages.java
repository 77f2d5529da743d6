package o2o.payments.sandbox;

import o2o.shared.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The sandbox gateway's hosted pay page: the payer confirms or declines, then returns to the platform. */
@Controller
@ConditionalOnBooleanProperty("o2o.payments.sandbox.enabled")
class SandboxPages {

    private final SandboxGateway gateway;

    SandboxPages(SandboxGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/sandbox/pay/{ref}")
    String page(@PathVariable String ref, Model model) {
        model.addAttribute("charge", gateway.find(ref).orElseThrow(() -> Problem.notFound("charge")));
        return "payments/sandbox-pay";
    }

    @PostMapping("/sandbox/pay/{ref}/confirm")
    String confirm(@PathVariable String ref) {
        var charge = gateway.decide(ref, true).orElseThrow(() -> Problem.notFound("charge"));
        return "redirect:" + charge.returnUrl();
    }

    @PostMapping("/sandbox/pay/{ref}/fail")
    String fail(@PathVariable String ref) {
        var charge = gateway.decide(ref, false).orElseThrow(() -> Problem.notFound("charge"));
        return "redirect:" + charge.returnUrl();
    }
}

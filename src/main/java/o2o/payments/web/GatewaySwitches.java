package o2o.payments.web;

import java.util.List;

import o2o.identity.StaffPrincipal;
import o2o.payments.ProviderAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator console's gateway switches. The operator page belongs to merchants, which may not call payments, so
 * its section ({@code payments/switches :: section}) reads the switches from this bean ({@code @gatewaySwitches}).
 */
@Controller("gatewaySwitches")
public class GatewaySwitches {

    public record Switch(String provider, boolean on) {}

    private final ProviderAccounts accounts;

    GatewaySwitches(ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    public List<Switch> all() {
        return accounts.gateways().stream().map(p -> new Switch(p, accounts.switchedOn(p))).toList();
    }

    @PostMapping("/admin/payments/{provider}")
    String turn(StaffPrincipal operator, @PathVariable String provider, @RequestParam boolean on) {
        accounts.switchProvider(operator, provider, on);
        return "redirect:/admin#payment-switches";
    }
}

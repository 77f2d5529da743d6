package o2o.payments.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.payments.ProviderAccount;
import o2o.payments.ProviderAccounts;
import o2o.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A merchant's own accounts at the gateways (owners change them; keys go in, never come out), and the operator's switch. */
@RestController
@Tag(name = "Payment providers")
class ProviderAccountApi {

    private final ProviderAccounts accounts;

    ProviderAccountApi(ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    record Switch(String provider, boolean enabled) {}

    @GetMapping("/api/v1/merchant/payment-providers")
    @Operation(summary = "The gateways there are and the merchant's accounts at them (no secrets)")
    Accounts list(StaffPrincipal staff) {
        return new Accounts(accounts.gateways(), accounts.of(staff));
    }

    @PutMapping("/api/v1/merchant/payment-providers/{provider}")
    @Operation(summary = "Save the merchant's settings at a gateway (owner); keys are checked, then stored encrypted")
    ProviderAccount save(StaffPrincipal staff, @PathVariable String provider, @RequestBody JsonNode settings) {
        if (!settings.isObject()) throw new InvalidInput("body", "a JSON object of the gateway's settings");
        return accounts.save(staff, provider, settings);
    }

    @PostMapping("/api/v1/merchant/payment-providers/{provider}/enable")
    @Operation(summary = "Take payments by this gateway again (owner)")
    ProviderAccount enable(StaffPrincipal staff, @PathVariable String provider) {
        return accounts.setEnabled(staff, provider, true);
    }

    @PostMapping("/api/v1/merchant/payment-providers/{provider}/disable")
    @Operation(summary = "Stop offering this gateway to customers (owner); refunds of earlier payments still go out")
    ProviderAccount disable(StaffPrincipal staff, @PathVariable String provider) {
        return accounts.setEnabled(staff, provider, false);
    }

    @GetMapping("/api/v1/admin/payment-providers")
    @Operation(summary = "Each gateway and whether the operator has it on")
    List<Switch> switches() {
        return accounts.gateways().stream().map(p -> new Switch(p, accounts.switchedOn(p))).toList();
    }

    @PutMapping("/api/v1/admin/payment-providers/{provider}")
    @Operation(summary = "Switch a gateway on or off for every merchant (operator)")
    Switch switchProvider(StaffPrincipal operator, @PathVariable String provider, @RequestBody SwitchRequest request) {
        if (request.enabled() == null) throw new InvalidInput("enabled", "true or false");
        accounts.switchProvider(operator, provider, request.enabled());
        return new Switch(provider, accounts.switchedOn(provider));
    }
}

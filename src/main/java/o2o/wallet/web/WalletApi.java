package o2o.wallet.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.StaffPrincipal;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.wallet.StoredValue;
import o2o.wallet.WalletBalance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Stored value")
class WalletApi {

    private final StoredValue storedValue;
    private final Customers customers;

    WalletApi(StoredValue storedValue, Customers customers) {
        this.storedValue = storedValue;
        this.customers = customers;
    }

    record TopUp(@NotNull String phone, @NotNull Money amount) {}

    record Rules(@NotNull Map<Long, Long> bonusByThreshold) {}

    @GetMapping("/api/v1/me/wallet")
    WalletBalance mine(CustomerPrincipal customer, @RequestParam UUID merchantId) {
        return storedValue.balance(customer.customerId(), merchantId);
    }

    /** Cash or card taken at the counter. The Idempotency-Key is required and names the top-up. */
    @PostMapping("/api/v1/merchant/wallet/top-ups")
    WalletBalance topUp(StaffPrincipal staff, @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody TopUp topUp) {
        var customer = customers.byPhone(PhoneNumber.parse(topUp.phone()))
                .orElseThrow(() -> Problem.notFound("customer"));
        return storedValue.topUp(staff, customer.customerId(), topUp.amount(), key);
    }

    @PutMapping("/api/v1/merchant/wallet/rules")
    Map<Long, Long> rules(StaffPrincipal staff, @Valid @RequestBody Rules rules) {
        storedValue.setRules(staff, rules.bonusByThreshold());
        return rules.bonusByThreshold();
    }
}

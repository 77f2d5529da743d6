package o2o.merchants.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchant;
import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.shared.Page;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's side of onboarding. */
@RestController
@Tag(name = "Operator: merchants")
class AdminMerchantApi {

    private final Merchants merchants;

    AdminMerchantApi(Merchants merchants) {
        this.merchants = merchants;
    }

    @GetMapping("/api/v1/admin/merchants")
    Page<Merchant> list(@RequestParam(defaultValue = "PENDING") MerchantStatus status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return merchants.inStatus(status, cursor, limit);
    }

    @GetMapping("/api/v1/admin/merchants/{id}")
    Merchant get(@PathVariable UUID id) {
        return merchants.find(id).orElseThrow(() -> Problem.notFound("merchant"));
    }

    @PostMapping("/api/v1/admin/merchants/{id}/approve")
    Merchant approve(StaffPrincipal operator, @PathVariable UUID id) {
        return merchants.approve(id, operator);
    }

    @PostMapping("/api/v1/admin/merchants/{id}/reject")
    Merchant reject(StaffPrincipal operator, @PathVariable UUID id, @Valid @RequestBody Rejection rejection) {
        return merchants.reject(id, rejection.reason(), operator);
    }
}

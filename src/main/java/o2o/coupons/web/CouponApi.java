package o2o.coupons.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.coupons.CouponTemplate;
import o2o.coupons.CouponTerms;
import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coupons")
class CouponApi {

    private final Coupons coupons;
    private final Stores stores;

    CouponApi(Coupons coupons, Stores stores) {
        this.coupons = coupons;
        this.stores = stores;
    }

    record TemplateRequest(@NotBlank @Size(max = 60) String title, @NotNull CouponTerms.Kind kind,
            @Nullable Money amountOff, @Nullable @Min(1) @Max(99) Integer percentOff, @Nullable Money maxDiscount,
            @Nullable Money minSpend, @Nullable @Size(max = 200) Set<UUID> storeIds,
            @NotNull @Min(1) @Max(10_000_000) Integer totalQuantity, @NotNull @Min(1) @Max(1000) Integer perCustomerLimit,
            @NotNull Instant validFrom, @NotNull Instant validUntil) {

        CouponTerms toTerms() {
            var zero = Money.cny(0);
            return new CouponTerms(title, kind, amountOff, percentOff, maxDiscount, minSpend == null ? zero : minSpend,
                    storeIds == null ? Set.of() : storeIds, totalQuantity, perCustomerLimit, validFrom, validUntil);
        }
    }

    record TemplateResponse(UUID id, UUID merchantId, String title, CouponTerms terms, int claimed, int left,
            boolean active) {

        static TemplateResponse of(CouponTemplate t) {
            return new TemplateResponse(t.id(), t.merchantId(), t.terms().title(), t.terms(), t.claimed(),
                    t.terms().totalQuantity() - t.claimed(), t.active());
        }
    }

    record Claim(@NotNull UUID templateId) {}

    @PostMapping("/api/v1/merchant/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    TemplateResponse issue(StaffPrincipal staff, @Valid @RequestBody TemplateRequest request) {
        var own = stores.visibleTo(staff).stream().map(Store::id).collect(Collectors.toSet());
        return TemplateResponse.of(coupons.issue(staff, request.toTerms(), own));
    }

    @GetMapping("/api/v1/merchant/coupons")
    List<TemplateResponse> mine(StaffPrincipal staff) {
        return coupons.templatesOf(staff.merchantId()).stream().map(TemplateResponse::of).toList();
    }

    @GetMapping("/api/v1/stores/{storeId}/coupons")
    List<TemplateResponse> claimableAt(@PathVariable UUID storeId) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        return coupons.claimable(store.merchantId(), storeId).stream().map(TemplateResponse::of).toList();
    }

    @PostMapping("/api/v1/me/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    WalletCoupon claim(CustomerPrincipal customer, @Valid @RequestBody Claim claim) {
        return coupons.claim(customer.customerId(), claim.templateId());
    }

    @GetMapping("/api/v1/me/coupons")
    List<WalletCoupon> wallet(CustomerPrincipal customer) {
        return coupons.wallet(customer.customerId());
    }
}

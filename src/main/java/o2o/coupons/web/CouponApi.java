package o2o.coupons.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
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
        return coupons.claimable(new MerchantId(store.merchantId()), new StoreId(storeId)).stream()
                .map(TemplateResponse::of).toList();
    }

    @PostMapping("/api/v1/me/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    WalletCoupon claim(CustomerPrincipal customer, @Valid @RequestBody Claim claim) {
        return coupons.claim(customer.id(), claim.templateId());
    }

    @GetMapping("/api/v1/me/coupons")
    List<WalletCoupon> wallet(CustomerPrincipal customer) {
        return coupons.wallet(customer.customerId());
    }
}

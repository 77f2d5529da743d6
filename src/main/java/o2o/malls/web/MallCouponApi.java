package o2o.malls.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.coupons.CouponTemplate;
import o2o.coupons.CouponTerms;
import o2o.identity.StaffPrincipal;
import o2o.malls.MallCoupons;
import o2o.malls.MallId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mall coupons: the mall operator issues them (funded by the mall, for all its tenants or chosen ones) and reads
 * them with how many were claimed and used; anyone reads what can be claimed, and customers claim them with
 * {@code POST /api/v1/me/coupons} like any coupon.
 */
@RestController
@Tag(name = "Mall operator")
class MallCouponApi {

    private final MallCoupons coupons;

    MallCouponApi(MallCoupons coupons) {
        this.coupons = coupons;
    }

    /**
     * A mall coupon; with neither {@code merchantIds} nor {@code storeIds} it is usable at every tenant of the mall,
     * including tenants let in later.
     */
    @Schema(name = "MallCouponRequest")
    record MallCouponRequest(@NotBlank @Size(max = 60) String title, @NotNull CouponTerms.Kind kind,
            @Nullable Money amountOff, @Nullable @Min(1) @Max(99) Integer percentOff, @Nullable Money maxDiscount,
            @Nullable Money minSpend, @NotNull @Min(1) @Max(10_000_000) Integer totalQuantity,
            @NotNull @Min(1) @Max(1000) Integer perCustomerLimit, @NotNull Instant validFrom,
            @NotNull Instant validUntil, @Nullable @Size(max = 200) Set<@NotNull UUID> merchantIds,
            @Nullable @Size(max = 200) Set<@NotNull UUID> storeIds) {

        CouponTerms terms() {
            return new CouponTerms(title, kind, amountOff, percentOff, maxDiscount,
                    minSpend == null ? Money.cny(0) : minSpend, Set.of(), totalQuantity, perCustomerLimit, validFrom,
                    validUntil);
        }

        MallCoupons.Eligible eligible() {
            return new MallCoupons.Eligible(
                    merchantIds == null ? Set.of() : merchantIds.stream().map(MerchantId::new).collect(Collectors.toSet()),
                    storeIds == null ? Set.of() : storeIds.stream().map(StoreId::new).collect(Collectors.toSet()));
        }
    }

    /** A mall coupon: its terms, where it may be used, how many are left; {@code used} only for the operator. */
    @Schema(name = "MallCouponResponse")
    record MallCouponResponse(UUID id, UUID mallId, UUID issuerMerchantId, String title, CouponTerms terms,
            boolean allTenants, Set<UUID> merchantIds, Set<UUID> storeIds, int claimed, int left,
            @Nullable Integer used, boolean active) {

        static MallCouponResponse of(CouponTemplate t, @Nullable Integer used) {
            var mall = java.util.Objects.requireNonNull(t.mall());
            return new MallCouponResponse(t.id(), mall.mallId(), t.merchantId(), t.terms().title(), t.terms(),
                    mall.allTenants(), mall.merchantIds(), t.terms().storeIds(), t.claimed(),
                    t.terms().totalQuantity() - t.claimed(), used, t.active());
        }
    }

    @PostMapping("/api/v1/merchant/mall/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    MallCouponResponse issue(StaffPrincipal staff, @Valid @RequestBody MallCouponRequest request) {
        return MallCouponResponse.of(coupons.issue(staff, request.terms(), request.eligible()), 0);
    }

    @GetMapping("/api/v1/merchant/mall/coupons")
    List<MallCouponResponse> mine(StaffPrincipal staff) {
        return coupons.ofOperator(staff).stream().map(u -> MallCouponResponse.of(u.template(), u.used())).toList();
    }

    @GetMapping("/api/v1/malls/{mallId}/coupons")
    List<MallCouponResponse> claimable(@PathVariable UUID mallId) {
        return coupons.claimable(new MallId(mallId)).stream().map(t -> MallCouponResponse.of(t, null)).toList();
    }
}

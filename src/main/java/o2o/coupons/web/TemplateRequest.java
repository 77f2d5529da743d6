package o2o.coupons.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.coupons.CouponTerms;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "CouponTemplateRequest")
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

package o2o.deals.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.deals.DealTerms;
import o2o.deals.RefundPolicy;
import o2o.merchants.OpeningHours;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** A deal as sent to the API; money in minor units (分). */
record DealRequest(
        @NotBlank @Size(max = 80) String title,
        @Nullable @Size(max = 2000) String description,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> includes,
        @NotNull Money price,
        @Nullable Money originalPrice,
        @NotEmpty @Size(max = 200) Set<UUID> storeIds,
        @NotNull Instant saleStartsAt,
        @NotNull Instant saleEndsAt,
        @NotNull Instant validFrom,
        @NotNull Instant validUntil,
        @Nullable Map<DayOfWeek, List<String>> usableHours,
        @Nullable @Min(1) @Max(1000) Integer perCustomerLimit,
        @Nullable @Min(0) @Max(10_000_000) Integer stock,
        @NotNull RefundPolicy refundPolicy,
        @Nullable Boolean flashSale) {

    DealTerms toTerms() {
        return new DealTerms(title, description == null ? "" : description, includes == null ? List.of() : includes,
                price, originalPrice == null ? price : originalPrice, storeIds, saleStartsAt, saleEndsAt, validFrom,
                validUntil, usableHours == null ? OpeningHours.closed() : OpeningHours.parse(usableHours),
                perCustomerLimit, stock, refundPolicy, Boolean.TRUE.equals(flashSale));
    }
}

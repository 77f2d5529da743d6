package o2o.deals.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** {@code pointsToUse}: loyalty points to pay part of the order with, at the program's rate and within its cap. */
@Schema(name = "DealOrderPlaceOrder")
record PlaceOrder(@NotNull UUID dealId, @NotNull @Min(1) @Max(100) Integer quantity, @Nullable UUID couponId,
        @Nullable @Min(0) @Max(1_000_000_000_000L) Long pointsToUse) {}

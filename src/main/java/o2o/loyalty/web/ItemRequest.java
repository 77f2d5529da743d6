package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** {@code stock}: how many may be exchanged; absent for as many as the coupon allows. */
@Schema(name = "PointsMallItemRequest")
record ItemRequest(@NotNull UUID couponTemplateId, @NotNull @Min(1) @Max(1_000_000_000L) Long points,
        @Nullable @Min(0) @Max(10_000_000) Integer stock) {}

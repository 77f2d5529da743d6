package o2o.tableorders.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** {@code method}: sandbox (the gateway), wallet (stored value at the merchant) or points (points pay it all). */
@Schema(name = "BillPayShare")
record PayShare(@NotBlank String method, @Nullable UUID couponId,
        @Nullable @Min(0) @Max(1_000_000_000_000L) Long pointsToUse) {}

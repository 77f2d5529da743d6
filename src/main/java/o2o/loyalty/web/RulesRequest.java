package o2o.loyalty.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Schema(name = "PointsSpendingRulesRequest")
record RulesRequest(@NotNull @Min(1) @Max(100_000) Integer pointsPerYuanOff,
        @NotNull @Min(0) @Max(100) Integer capPercent, @NotNull @Min(0) @Max(1_000_000_000L) Long minPointsPerUse) {}

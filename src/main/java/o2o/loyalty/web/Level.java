package o2o.loyalty.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "ProgramRequestsLevel")
record Level(@Nullable String name, @Nullable Long threshold, @Nullable Integer discountPercent,
        @Nullable Integer pointsMultiplierPercent) {}

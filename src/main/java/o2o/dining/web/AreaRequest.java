package o2o.dining.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "FloorPlanAreaRequest")
record AreaRequest(@Nullable String name, @Nullable Integer position) {}
